using System.Text.Json;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.DeviceModel;

/// <summary>GetBaseReport answered by paged NotifyReport (B07), every page schema-checked.</summary>
public class GetBaseReportTests
{
    private readonly StationHarness _h = new();

    public GetBaseReportTests()
    {
        _h.Boot();
        _h.AnswerAll();
    }

    private List<JsonElement> CollectPages()
    {
        var pages = new List<JsonElement>();
        foreach (var pending in _h.Pending)
        {
            _h.Frames.SendResult(pending[1].GetString(), "{}");
        }

        var calls = _h.Pending.ToList();
        // Pages are built a few items per tick (ReportPager.ItemsPerTick): keep ticking while a report runs.
        for (int guard = 0; guard < 1000; guard++)
        {
            calls.AddRange(_h.AnswerAll(rounds: 1000));
            if (!_h.Station.Reports.IsActive)
            {
                calls.AddRange(_h.AnswerAll(rounds: 1000));
                break;
            }
        }

        foreach (var call in calls)
        {
            if (call[2].GetString() == "NotifyReport")
            {
                pages.Add(call[3]);
            }
        }

        _h.Pending.Clear();
        return pages;
    }

    [Fact]
    public void APageIsBuiltAFewItemsPerTickNotAllInOne()
    {
        // 20 items a page at 8 per tick: the handler's own slice, then two more ticks. Built at once
        // a 6 KB page cost 5.7 ms of one tick on nanoCLR, ahead of the next safety tick.
        var reply = _h.Request("GetBaseReport", "{\"requestId\":43,\"reportBase\":\"FullInventory\"}");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        int ticks = 0;
        JsonElement[] page = null;
        while (page == null && ticks < 20)
        {
            _h.Tick();
            ticks++;
            for (var frame = _h.Frames.Next(); frame != null; frame = _h.Frames.Next())
            {
                if (frame[0].GetInt32() == 2 && frame[2].GetString() == "NotifyReport")
                {
                    page = frame;
                }
            }
        }

        Assert.NotNull(page);
        Assert.Equal(20, page[3].GetProperty("reportData").GetArrayLength());
        Assert.True(ticks >= (20 - 1) / ReportPager.ItemsPerTick,
            $"a 20-item page was complete after {ticks} ticks: more than {ReportPager.ItemsPerTick} items went into one tick");
    }

    [Fact]
    public void FullInventoryArrivesAsPagesWithSeqNoAndTbcWithinBothLimits_B07()
    {
        var reply = _h.Request("GetBaseReport", "{\"requestId\":42,\"reportBase\":\"FullInventory\"}");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        var pages = CollectPages();
        var model = _h.Station.DeviceModel;
        int items = pages.Sum(p => p.GetProperty("reportData").GetArrayLength());
        Assert.Equal(model.Count, items);
        Assert.True(pages.Count >= model.Count / 20);
        for (int i = 0; i < pages.Count; i++)
        {
            Assert.Equal(42, pages[i].GetProperty("requestId").GetInt32());
            Assert.Equal(i, pages[i].GetProperty("seqNo").GetInt32());
            Assert.Equal(i < pages.Count - 1, pages[i].GetProperty("tbc").GetBoolean());
            Assert.True(pages[i].GetProperty("reportData").GetArrayLength() <= 20);
            Assert.True(pages[i].GetRawText().Length <= 8000);
            Assert.Equal("2026-11-21", pages[i].GetProperty("generatedAt").GetString()[..10]);
        }
    }

    [Fact]
    public void SmallerBytesPerMessageGivesMorePagesNoneOverTheLimit()
    {
        _h.Station.DeviceModel.SetInternal(_h.Station.Variables.BytesPerMessageGetReport, AttributeType.Actual, "1500");
        _h.Request("GetBaseReport", "{\"requestId\":1,\"reportBase\":\"FullInventory\"}");
        var pages = CollectPages();
        Assert.True(pages.Count > _h.Station.DeviceModel.Count / 20 + 1);
        Assert.All(pages, p => Assert.True(p.GetRawText().Length <= 1500, p.GetRawText().Length.ToString()));
        Assert.Equal(_h.Station.DeviceModel.Count, pages.Sum(p => p.GetProperty("reportData").GetArrayLength()));
    }

    [Fact]
    public void ConfigurationInventoryHoldsOnlyWritableVariablesAndNoSecrets()
    {
        _h.Request("GetBaseReport", "{\"requestId\":2,\"reportBase\":\"ConfigurationInventory\"}");
        var data = CollectPages().SelectMany(p => p.GetProperty("reportData").EnumerateArray()).ToList();
        Assert.NotEmpty(data);
        Assert.All(data, d => Assert.Contains(d.GetProperty("variableAttribute").EnumerateArray(), a => a.GetProperty("mutability").GetString() != "ReadOnly"));
        var password = data.Single(d => d.GetProperty("variable").GetProperty("name").GetString() == "BasicAuthPassword");
        Assert.False(password.GetProperty("variableAttribute")[0].TryGetProperty("value", out _));
        Assert.Contains(data, d => d.GetProperty("variable").GetProperty("name").GetString() == "HeartbeatInterval");
        Assert.DoesNotContain(data, d => d.GetProperty("variable").GetProperty("name").GetString() == "Identity");
    }

    [Fact]
    public void SummaryInventoryReportsAvailabilityOfStationEvsesAndConnectors()
    {
        _h.Request("GetBaseReport", "{\"requestId\":3,\"reportBase\":\"SummaryInventory\"}");
        var data = CollectPages().SelectMany(p => p.GetProperty("reportData").EnumerateArray()).ToList();
        Assert.Equal(1 + 2 + 3, data.Count); // station, 2 EVSEs, 1 + 2 connectors
        Assert.All(data, d => Assert.Equal("AvailabilityState", d.GetProperty("variable").GetProperty("name").GetString()));
        Assert.Contains(data, d => d.GetProperty("component").GetProperty("name").GetString() == "Connector"
            && d.GetProperty("component").GetProperty("evse").GetProperty("connectorId").GetInt32() == 2);
    }

    [Fact]
    public void SecondReportWhileOneRunsIsRejected()
    {
        _h.Station.DeviceModel.SetInternal(_h.Station.Variables.ItemsPerMessageGetReport, AttributeType.Actual, "2");
        Assert.Equal("Accepted", _h.Request("GetBaseReport", "{\"requestId\":4,\"reportBase\":\"FullInventory\"}")[2].GetProperty("status").GetString());
        Assert.Equal("Rejected", _h.Request("GetBaseReport", "{\"requestId\":5,\"reportBase\":\"FullInventory\"}")[2].GetProperty("status").GetString());
        CollectPages();
        Assert.False(_h.Station.Reports.IsActive);
        Assert.Equal("Accepted", _h.Request("GetBaseReport", "{\"requestId\":6,\"reportBase\":\"SummaryInventory\"}")[2].GetProperty("status").GetString());
    }

    [Fact]
    public void NotifyReportIsAllowedWhilePending_B02_FR_02()
    {
        var h = new StationHarness();
        h.Boot("Pending", interval: 600);
        var reply = h.Request("GetBaseReport", "{\"requestId\":7,\"reportBase\":\"SummaryInventory\"}");
        Assert.Equal("Accepted", reply[2].GetProperty("status").GetString());
        h.Tick(2);
        var sent = h.Pending.Concat(h.Frames.Drain()).Where(f => f[0].GetInt32() == 2).Select(f => f[2].GetString()).ToList();
        Assert.Equal(new[] { "NotifyReport" }, sent);
    }
}
