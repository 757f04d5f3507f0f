using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Tests.Support;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Tests.Conformance;

/// <summary>Issue 17 item 9: reconnection back-off as OCPPCommCtrlr defines it (OCPP-J part 4, reconnecting; B04).</summary>
public class ConnectionConformanceTests
{
    [Fact]
    public void AfterALostConnectionTheFirstWaitIsRetryBackOffWaitMinimumAndEachLaterOneDoubles_OCPPCommCtrlr_RetryBackOff()
    {
        var h = new StationHarness();
        var vars = h.Station.Variables;
        h.Station.DeviceModel.SetPersistent(vars.RetryBackOffWaitMinimum, AttributeType.Actual, "2");
        h.Station.DeviceModel.SetPersistent(vars.RetryBackOffRandomRange, AttributeType.Actual, "0");
        h.Station.DeviceModel.SetPersistent(vars.RetryBackOffRepeatTimes, AttributeType.Actual, "5");
        h.Run(2_000);
        Assert.Equal(ConnectionState.Connected, h.Station.Connection.State);

        // The CSMS goes away: the link drops and every reconnection is refused.
        h.Socket.Server.RequiredAuthorization = "Basic nope";
        int opens = h.Socket.Server.OpenRequests;
        h.Socket.Server.Close(1006, "CSMS outage");
        long lostAt = h.Now;
        var attempts = new List<long>();
        for (int i = 0; i < 2_000 && attempts.Count < 4; i++)
        {
            h.Run(100);
            if (h.Socket.Server.OpenRequests != opens)
            {
                opens = h.Socket.Server.OpenRequests;
                attempts.Add(h.Now);
            }
        }

        Assert.Equal(4, attempts.Count);
        long[] waits = { attempts[0] - lostAt, attempts[1] - attempts[0], attempts[2] - attempts[1], attempts[3] - attempts[2] };
        long[] expected = { 2_000, 4_000, 8_000, 16_000 };
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.InRange(waits[i], expected[i], expected[i] + 200);
        }
    }
}
