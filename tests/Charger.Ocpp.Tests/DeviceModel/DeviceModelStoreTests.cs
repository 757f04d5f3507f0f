using System.Text;
using Charger.Hal.Sim;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.DeviceModel;

/// <summary>Persistence of the device model through the file store.</summary>
public class DeviceModelStoreTests
{
    [Fact]
    public void StoredValueThatNoLongerFitsItsVariableKeepsTheDefaultAndIsLogged()
    {
        var store = new MemoryFileStore();
        string key = Variable.MakeKey("OCPPCommCtrlr", null, 0, 0, "OfflineThreshold", null) + "#Actual";
        string json = "{\"" + key + "\":\"999999999\",\"NoSuch/Variable#Actual\":\"1\"}";
        var bytes = Encoding.UTF8.GetBytes(json);
        store.WriteAtomic(StationDeviceModel.RecordName, bytes, bytes.Length);
        var h = new StationHarness(store);
        Assert.Equal(60, h.Station.Variables.OfflineThreshold.IntValue);
        Assert.True(h.Log.Contains("no longer valid"));
        Assert.True(h.Log.Contains("unknown variable"));
    }

    [Fact]
    public void FullStoreIsReportedAndTheValueStillAppliesUntilReboot()
    {
        var h = new StationHarness(new MemoryFileStore(64));
        h.Boot();
        h.AnswerAll();
        var reply = h.Request("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"77\",\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"OfflineThreshold\"}}]}");
        Assert.Equal("Accepted", reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        Assert.Equal(77, h.Station.Variables.OfflineThreshold.IntValue);
        Assert.True(h.Log.Contains("device model not saved"));
        Assert.True(h.Log.Contains("not persisted"));
    }

    [Fact]
    public void OnlyWritableAttributesAreStored()
    {
        var h = new StationHarness();
        h.Boot();
        h.AnswerAll();
        h.Request("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"77\",\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"OfflineThreshold\"}}]}");
        string stored = Encoding.UTF8.GetString(h.Store.Read(StationDeviceModel.RecordName));
        Assert.Contains("OfflineThreshold", stored);
        Assert.DoesNotContain("ConfigurationValueSize", stored); // ReadOnly
        Assert.DoesNotContain("AvailabilityState", stored);
    }
}
