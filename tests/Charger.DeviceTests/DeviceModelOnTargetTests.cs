using System.Text;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Ocpp;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// The OCPP device model on the board's CLR: GetVariables (B06) and SetVariables (B05) rules,
    /// persistence through the simulated file store with power cuts, the hashed maintenance
    /// password, and one full GetVariables/SetVariables exchange over the loopback WebSocket.
    /// Mirrors tests/Charger.Ocpp.Tests/DeviceModel (GetSetVariablesTests, DeviceModelStoreTests).
    /// </summary>
    /// <remarks>Statuses are compared as numbers or through the explicit name tables (DeviceModelNames).</remarks>
    [TestClass]
    public class DeviceModelOnTargetTests
    {
        private const string Password = "correct-horse-battery";

        private static MemoryFileStore _store;
        private static ListLog _log;
        private static StationDeviceModel _model;
        private static CoreVariables _vars;

        private static StationConfig Config()
        {
            StationConfig config = new StationConfig();
            config.StationId = "CS001";
            config.CsmsUrl = "ws://csms.test/ocpp/";
            config.BasicAuthPassword = Password;
            config.SerialNumber = "SN-1";
            config.ConnectorsPerEvse = new int[] { 1, 2 };
            return config;
        }

        /// <summary>A fresh model over <paramref name="store"/> (a new one when null), loaded as at boot.</summary>
        private static void Boot(MemoryFileStore store)
        {
            _store = store != null ? store : new MemoryFileStore();
            _log = new ListLog();
            _model = new StationDeviceModel(_store, _log, new SeededRandom(99));
            _vars = new CoreVariables(_model, Config());
            _model.Load();
        }

        private static string Get(string component, int evse, int connector, string variable, string instance, AttributeType type, int expectedStatus)
        {
            string value;
            GetVariableStatus status = _model.TryGet(component, null, evse, connector, variable, instance, type, out value);
            Assert.AreEqual(expectedStatus, (int)status, "GetVariables status of " + component + "." + variable);
            return value;
        }

        private static string Set(string component, int evse, string variable, string instance, AttributeType type, string value, SetVariableStatus expected)
        {
            string reason;
            SetVariableStatus status = _model.TrySet(component, null, evse, 0, variable, instance, type, value, 1000, out reason);
            Assert.AreEqual(DeviceModelNames.SetStatusName(expected), DeviceModelNames.SetStatusName(status),
                "SetVariables " + component + "." + variable + " = " + value + (reason != null ? " (" + reason + ")" : ""));
            return reason;
        }

        [TestMethod]
        public void GetVariablesAnswersEveryKindOfStatus_B06()
        {
            Boot(null);

            Assert.AreEqual("300", Get("OCPPCommCtrlr", 0, 0, "HeartbeatInterval", null, AttributeType.Actual, (int)GetVariableStatus.Accepted));
            Get("NoSuchCtrlr", 0, 0, "X", null, AttributeType.Actual, (int)GetVariableStatus.UnknownComponent); // B06.FR.06
            Get("OCPPCommCtrlr", 0, 0, "NoSuchVariable", null, AttributeType.Actual, (int)GetVariableStatus.UnknownVariable); // B06.FR.07
            Get("OCPPCommCtrlr", 0, 0, "HeartbeatInterval", null, AttributeType.MaxSet, (int)GetVariableStatus.NotSupportedAttributeType); // B06.FR.08
            Assert.IsNull(Get("SecurityCtrlr", 0, 0, "BasicAuthPassword", null, AttributeType.Actual, (int)GetVariableStatus.Rejected)); // B06.FR.09
            Assert.AreEqual("22000", Get("EVSE", 1, 0, "Power", null, AttributeType.MaxSet, (int)GetVariableStatus.Accepted));
            Assert.AreEqual("Available", Get("Connector", 2, 2, "AvailabilityState", null, AttributeType.Actual, (int)GetVariableStatus.Accepted));
            Get("EVSE", 9, 0, "Power", null, AttributeType.Actual, (int)GetVariableStatus.UnknownComponent);
            Assert.AreEqual("20", Get("DeviceDataCtrlr", 0, 0, "ItemsPerMessage", "GetVariables", AttributeType.Actual, (int)GetVariableStatus.Accepted));
            Get("DeviceDataCtrlr", 0, 0, "ItemsPerMessage", null, AttributeType.Actual, (int)GetVariableStatus.UnknownVariable);
        }

        [TestMethod]
        public void SetVariablesAppliesWritableValuesAndRejectsTheRestWithReasons_B05()
        {
            Boot(null);

            Set("OCPPCommCtrlr", 0, "HeartbeatInterval", null, AttributeType.Actual, "120", SetVariableStatus.Accepted);
            Set("NoSuchCtrlr", 0, "X", null, AttributeType.Actual, "1", SetVariableStatus.UnknownComponent);
            Set("OCPPCommCtrlr", 0, "NoSuchVariable", null, AttributeType.Actual, "1", SetVariableStatus.UnknownVariable);
            Set("OCPPCommCtrlr", 0, "HeartbeatInterval", null, AttributeType.Target, "1", SetVariableStatus.NotSupportedAttributeType);
            Assert.AreEqual("ReadOnly", Set("DeviceDataCtrlr", 0, "ConfigurationValueSize", null, AttributeType.Actual, "10", SetVariableStatus.Rejected)); // B05.FR.08
            Assert.AreEqual("NotAnInteger", Set("OCPPCommCtrlr", 0, "OfflineThreshold", null, AttributeType.Actual, "soon", SetVariableStatus.Rejected));
            Assert.AreEqual("NotInValuesList", Set("AuthCacheCtrlr", 0, "Policy", null, AttributeType.Actual, "RANDOM", SetVariableStatus.Rejected));
            Set("OCPPCommCtrlr", 0, "NetworkConfigurationPriority", null, AttributeType.Actual, "1,0", SetVariableStatus.RebootRequired);
            Set("EVSE", 1, "Power", null, AttributeType.MaxSet, "11000", SetVariableStatus.Accepted);
            Assert.AreEqual("AboveMaxLimit", Set("EVSE", 1, "Power", null, AttributeType.MaxSet, "99000", SetVariableStatus.Rejected));

            Assert.AreEqual(120L, _vars.HeartbeatInterval.IntValue);
            Assert.AreEqual("11000", _model.Find("EVSE", null, 1, 0, "Power", null).GetValue(AttributeType.MaxSet));
            Assert.AreEqual(60L, _vars.OfflineThreshold.IntValue, "the rejected value was not applied");
        }

        [TestMethod]
        public void ValuesAreCheckedAgainstDataTypeAndCharacteristics()
        {
            Boot(null);
            string[] component = { "TxCtrlr", "TxCtrlr", "TxCtrlr", "TxCtrlr", "TxCtrlr", "OCPPCommCtrlr", "OCPPCommCtrlr", "SecurityCtrlr", "SecurityCtrlr", "SecurityCtrlr" };
            string[] variable = { "TxStartPoint", "TxStartPoint", "TxStartPoint", "StopTxOnInvalidId", "StopTxOnInvalidId", "HeartbeatInterval", "HeartbeatInterval", "BasicAuthPassword", "BasicAuthPassword", "Identity" };
            string[] value = { "EVConnected,Authorized", "EVConnected,EVConnected", "Plugged", "false", "False", "0", "1.5", "short", "a-long-enough-password", "CS999" };
            bool[] accepted = { true, false, false, true, false, false, false, false, true, false };
            for (int i = 0; i < value.Length; i++)
            {
                Set(component[i], 0, variable[i], null, AttributeType.Actual, value[i], accepted[i] ? SetVariableStatus.Accepted : SetVariableStatus.Rejected);
            }
        }

        [TestMethod]
        public void AcceptedValuesSurviveARestartThroughTheFileStore()
        {
            Boot(null);
            Set("OCPPCommCtrlr", 0, "OfflineThreshold", null, AttributeType.Actual, "900", SetVariableStatus.Accepted);
            Set("TxCtrlr", 0, "TxStopPoint", null, AttributeType.Actual, "EVConnected", SetVariableStatus.Accepted);
            Assert.IsTrue(_model.SaveIfDirty());

            Boot(_store);

            Assert.AreEqual(900L, _vars.OfflineThreshold.IntValue);
            Assert.AreEqual("EVConnected", _model.Find("TxCtrlr", "TxStopPoint").Value);
            string stored = new string(Encoding.UTF8.GetChars(_store.Read(StationDeviceModel.RecordName)));
            Assert.IsTrue(stored.IndexOf("OfflineThreshold") >= 0, stored);
            Assert.IsTrue(stored.IndexOf("ConfigurationValueSize") < 0, "read-only values are not stored");
        }

        [TestMethod]
        public void APowerCutWhileSavingKeepsTheOldOrTheNewValuesNeverAMix()
        {
            bool[] committed = { false, true };
            for (int c = 0; c < committed.Length; c++)
            {
                Boot(null);
                Set("OCPPCommCtrlr", 0, "OfflineThreshold", null, AttributeType.Actual, "900", SetVariableStatus.Accepted);
                _model.SaveIfDirty();
                Set("OCPPCommCtrlr", 0, "OfflineThreshold", null, AttributeType.Actual, "1200", SetVariableStatus.Accepted);
                Set("OCPPCommCtrlr", 0, "HeartbeatInterval", null, AttributeType.Actual, "45", SetVariableStatus.Accepted);
                _store.CutPowerAtWrite(1, committed[c]);
                Assert.ThrowsException(typeof(PowerCutException), () => _model.SaveIfDirty());
                _store.RestorePower();

                Boot(_store);

                Assert.AreEqual(committed[c] ? 1200L : 900L, _vars.OfflineThreshold.IntValue);
                Assert.AreEqual(committed[c] ? 45L : 300L, _vars.HeartbeatInterval.IntValue);
                Assert.IsFalse(_log.Contains("unreadable"));
            }
        }

        [TestMethod]
        public void ACorruptOrStaleStoredModelFallsBackToDefaultsAndSaysSo()
        {
            MemoryFileStore store = new MemoryFileStore();
            byte[] bytes = Encoding.UTF8.GetBytes("{\"OCPPCommCtrlr");
            store.WriteAtomic(StationDeviceModel.RecordName, bytes, bytes.Length);
            Boot(store);
            Assert.AreEqual(60L, _vars.OfflineThreshold.IntValue);
            Assert.IsTrue(_log.Contains("stored device model unreadable"));

            string key = Variable.MakeKey("OCPPCommCtrlr", null, 0, 0, "OfflineThreshold", null) + "#Actual";
            bytes = Encoding.UTF8.GetBytes("{\"" + key + "\":\"999999999\",\"NoSuch/Variable#Actual\":\"1\"}");
            store.WriteAtomic(StationDeviceModel.RecordName, bytes, bytes.Length);
            Boot(store);
            Assert.AreEqual(60L, _vars.OfflineThreshold.IntValue);
            Assert.IsTrue(_log.Contains("no longer valid"));
            Assert.IsTrue(_log.Contains("unknown variable"));
        }

        [TestMethod]
        public void AFullStoreIsReportedAndTheValueStillAppliesUntilReboot()
        {
            Boot(new MemoryFileStore(64));
            Set("OCPPCommCtrlr", 0, "OfflineThreshold", null, AttributeType.Actual, "77", SetVariableStatus.Accepted);

            Assert.IsFalse(_model.SaveIfDirty());
            Assert.AreEqual(77L, _vars.OfflineThreshold.IntValue);
            Assert.IsTrue(_log.Has(LogLevel.Error, "device model not saved"));
        }

        [TestMethod]
        public void MaintenancePasswordIsStoredHashedAndNeverReadable()
        {
            Boot(null);
            Set("SecurityCtrlr", 0, CoreVariables.MaintenancePasswordName, null, AttributeType.Actual, "console-pass-1", SetVariableStatus.Accepted);

            Assert.IsTrue(_model.VerifyHashed(_vars.MaintenancePassword, "console-pass-1"));
            Assert.IsFalse(_model.VerifyHashed(_vars.MaintenancePassword, "console-pass-2"));
            Get("SecurityCtrlr", 0, 0, CoreVariables.MaintenancePasswordName, null, AttributeType.Actual, (int)GetVariableStatus.Rejected);
            _model.SaveIfDirty();
            string stored = new string(Encoding.UTF8.GetChars(_store.Read(StationDeviceModel.RecordName)));
            Assert.IsTrue(stored.IndexOf("console-pass-1") < 0, "the password itself is never stored");
            Assert.IsTrue(stored.IndexOf("sha256$") >= 0, stored);

            Boot(_store);
            Assert.IsTrue(_model.VerifyHashed(_vars.MaintenancePassword, "console-pass-1"));
        }

        [TestMethod]
        public void GetAndSetVariablesWorkEndToEndOverTheLoopbackWebSocket()
        {
            LoopbackWebSocket socket = new LoopbackWebSocket();
            socket.Server.AutoAccept = true;
            MemoryFileStore store = new MemoryFileStore();
            ListLog log = new ListLog();
            OcppStation station = new OcppStation(Config(), socket, store, new SeededRandom(99), log, new IdleStationHooks(),
                BootReason.PowerUp, new RpcLimits());
            long now = 1000;
            station.Tick(now);
            station.Tick(now);
            JsonValue boot = new JsonParser().Parse(socket.Server.TakeReceived());
            Assert.AreEqual("BootNotification", boot[2].Text);
            socket.Server.Send("[3,\"" + boot[1].Text + "\",{\"currentTime\":\"2026-11-21T10:00:00.000Z\",\"interval\":300,\"status\":\"Accepted\"}]");
            station.Tick(now += 100);

            JsonValue set = Exchange(socket, station, ref now, "csms-1", "SetVariables",
                "{\"setVariableData\":[{\"attributeValue\":\"120\",\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}},"
                + "{\"attributeValue\":\"soon\",\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"OfflineThreshold\"}}]}");
            JsonValue setResults = set.Get("setVariableResult");
            Assert.AreEqual(2, setResults.Count);
            Assert.AreEqual("Accepted", setResults[0].GetString("attributeStatus"));
            Assert.AreEqual("Rejected", setResults[1].GetString("attributeStatus"));
            Assert.AreEqual("NotAnInteger", setResults[1].Get("attributeStatusInfo").GetString("reasonCode"));

            JsonValue get = Exchange(socket, station, ref now, "csms-2", "GetVariables",
                "{\"getVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}},"
                + "{\"component\":{\"name\":\"EVSE\",\"evse\":{\"id\":1}},\"variable\":{\"name\":\"Power\"},\"attributeType\":\"MaxSet\"}]}");
            JsonValue getResults = get.Get("getVariableResult");
            Assert.AreEqual("120", getResults[0].GetString("attributeValue"));
            Assert.AreEqual("22000", getResults[1].GetString("attributeValue"));
            Assert.AreEqual("MaxSet", getResults[1].GetString("attributeType"));
            Assert.AreEqual(120L, station.Variables.HeartbeatInterval.IntValue);
        }

        /// <summary>The CSMS sends a CALL; returns the payload of the station's CALLRESULT to it.</summary>
        private static JsonValue Exchange(LoopbackWebSocket socket, OcppStation station, ref long now, string id, string action, string payload)
        {
            socket.Server.Send("[2,\"" + id + "\",\"" + action + "\"," + payload + "]");
            for (int i = 0; i < 5; i++)
            {
                now += 100;
                station.Tick(now);
                string text;
                while ((text = socket.Server.TakeReceived()) != null)
                {
                    JsonValue frame = new JsonParser().Parse(text);
                    if (frame[0].AsInteger != 2 && frame[1].Text == id)
                    {
                        Assert.AreEqual(3L, frame[0].AsInteger, "a CALLRESULT, not a CALLERROR: " + text);
                        return frame[2];
                    }
                }
            }

            throw new System.Exception("no reply to " + action);
        }
    }
}
