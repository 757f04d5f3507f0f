using System.Text.Json;
using Charger.Ocpp.Tests.TxServices;

namespace Charger.Ocpp.Tests.Conformance;

/// <summary>Issue 17 item 8: component and variable names are case-insensitive (OCPP 2.0.1 part 2, device model; B05, B06).</summary>
public class DeviceModelConformanceTests
{
    [Fact]
    public void ComponentAndVariableNamesAreCaseInsensitiveInSetAndGetVariables_B05_FR_01_B06_FR_01()
    {
        var h = new TxHarness();
        h.Boot();
        var set = h.Request("SetVariables",
            "{\"setVariableData\":[{\"attributeValue\":\"77\",\"component\":{\"name\":\"ocppcommctrlr\"},\"variable\":{\"name\":\"OFFLINETHRESHOLD\"}}]}");
        Assert.Equal("Accepted", set.GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());

        var get = h.Request("GetVariables",
            "{\"getVariableData\":[{\"component\":{\"name\":\"OcppCommCtrlr\"},\"variable\":{\"name\":\"offlineThreshold\"}},{\"component\":{\"name\":\"NoSuchCtrlr\"},\"variable\":{\"name\":\"X\"}}]}");
        var results = get.GetProperty("getVariableResult");
        Assert.Equal("Accepted", results[0].GetProperty("attributeStatus").GetString());
        Assert.Equal("77", results[0].GetProperty("attributeValue").GetString());
        Assert.Equal("UnknownComponent", results[1].GetProperty("attributeStatus").GetString());
        Assert.Equal(77, h.Station.Variables.Model.Find("OCPPCommCtrlr", "OfflineThreshold").IntValue);
    }
}
