using System.Collections;
using System.Text;
using Charger.Firmware.Console;
using Charger.Firmware.Control;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Station;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Hal.Sim.Pilot;
using Charger.Hal.Sim.Serial;
using Charger.Ocpp;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// On nanoFramework 1.x Enum.ToString gives the NUMBER (issue 11 measured "chargingState":"3",
    /// "pilot 4", "state 9 -> 0"). These tests build the whole station (simulated HAL, loopback CSMS,
    /// console on a loopback serial line) on nanoCLR and read what it really emits: OCPP frames, console
    /// lines, log lines, and the fault a technician names. Every enum must arrive as its name.
    /// Static state, rebuilt at the top of each test: the real launcher calls tests statically.
    /// </summary>
    [TestClass]
    public class EnumTextOnTargetTests
    {
        private const int TickMs = 10;
        private const string CsmsTime = "2026-11-21T10:00:00.000Z";

        private static VirtualClock _clock;
        private static SimPilotSignal _pilot;
        private static SimProximity _proximity;
        private static SimDigitalInput _rcd;
        private static SimDigitalInput _auxiliary;
        private static LoopbackWebSocket _socket;
        private static LoopbackSerialPair _consoleLine;
        private static ChargingStation _station;
        private static ArrayList _stationFrames;

        private static void Build()
        {
            _clock = new VirtualClock(1000);
            SimAdcChannel pilotAdc = new SimAdcChannel(4095);
            SimPwmOutput pwm = new SimPwmOutput(1000);
            _pilot = new SimPilotSignal(pilotAdc, pwm);
            SimAdcChannel proximityAdc = new SimAdcChannel(4095);
            _proximity = new SimProximity(proximityAdc, ChargeControlConfig.DefaultProximityPullUpOhms);
            _rcd = new SimDigitalInput(false);
            _auxiliary = new SimDigitalInput(false);
            SimDigitalOutput coil = new SimDigitalOutput();
            coil.Written += FollowCoil;
            SimAdcChannel thermistor = new SimAdcChannel(4095);
            thermistor.Value = 2048; // NTC equal to its series resistor: about 25 C
            _socket = new LoopbackWebSocket();
            _socket.Server.AutoAccept = true;
            _consoleLine = new LoopbackSerialPair(_clock, 115200);
            _consoleLine.B.Open();
            _stationFrames = new ArrayList();

            StationHardware hardware = new StationHardware();
            hardware.Clock = _clock;
            ChargerHardware control = new ChargerHardware();
            control.PilotAdc = pilotAdc;
            control.PilotPwm = pwm;
            control.ProximityAdc = proximityAdc;
            control.RcdTrip = _rcd;
            control.EmergencyStop = new SimDigitalInput(false);
            control.ContactorCoil = coil;
            control.ContactorFeedback = _auxiliary;
            control.Thermistors = new IAdcChannel[] { thermistor };
            hardware.Control = control;
            hardware.ConnectorLock = new SimDigitalOutput();
            hardware.ConsolePort = _consoleLine.A;
            hardware.Storage = new MemoryFileStore();
            hardware.CsmsSocket = _socket;
            hardware.Random = new SeededRandom(11);
            hardware.Watchdog = new SimWatchdog(_clock);
            hardware.Reboot = new SimRebootController();

            StationSettings settings = new StationSettings();
            settings.Console = new ConsoleSettings();
            StationConfig ocpp = new StationConfig();
            ocpp.StationId = "CS001";
            ocpp.CsmsUrl = "ws://csms.test/ocpp";
            ocpp.BasicAuthPassword = "correct-horse-battery";
            ocpp.SerialNumber = "SN-1";
            settings.Ocpp = ocpp;
            _station = new ChargingStation(hardware, settings);
        }

        private static void FollowCoil(bool high)
        {
            _auxiliary.Level = high; // a healthy contactor: the auxiliary contact follows the coil
        }

        /// <summary>Ticks the station every 10 ms of virtual time; the scripted CSMS answers every CALL.</summary>
        private static void Run(long ms)
        {
            long end = _clock.NowMs + ms;
            while (_clock.NowMs < end)
            {
                _clock.Advance(TickMs);
                _station.Tick(_clock.NowMs);
                AnswerCsms();
            }
        }

        private static void AnswerCsms()
        {
            string frame = _socket.Server.TakeReceived();
            while (frame != null)
            {
                _stationFrames.Add(frame);
                if (frame.IndexOf("[2,") == 0)
                {
                    string action = QuotedField(frame, 2);
                    _socket.Server.Send("[3,\"" + QuotedField(frame, 1) + "\"," + AnswerTo(action) + "]");
                }

                frame = _socket.Server.TakeReceived();
            }
        }

        private static string AnswerTo(string action)
        {
            switch (action)
            {
                case "BootNotification":
                    return "{\"currentTime\":\"" + CsmsTime + "\",\"interval\":300,\"status\":\"Accepted\"}";
                case "Heartbeat":
                    return "{\"currentTime\":\"" + CsmsTime + "\"}";
                case "Authorize":
                    return "{\"idTokenInfo\":{\"status\":\"Accepted\"}}";
                default:
                    return "{}";
            }
        }

        /// <summary>The n-th double-quoted string of a frame (1: message id, 2: action of a CALL).</summary>
        private static string QuotedField(string frame, int n)
        {
            int start = -1;
            int end = -1;
            for (int i = 0; i < n; i++)
            {
                start = frame.IndexOf('"', end + 1);
                end = frame.IndexOf('"', start + 1);
            }

            return frame.Substring(start + 1, end - start - 1);
        }

        /// <summary>The string value of "name":"..." in the first station frame that has one after <paramref name="marker"/>; null when none.</summary>
        private static string WireValue(string marker, string name)
        {
            string key = "\"" + name + "\":\"";
            for (int i = 0; i < _stationFrames.Count; i++)
            {
                string frame = (string)_stationFrames[i];
                if (marker != null && frame.IndexOf(marker) < 0)
                {
                    continue;
                }

                int at = frame.IndexOf(key);
                if (at >= 0)
                {
                    int start = at + key.Length;
                    return frame.Substring(start, frame.IndexOf('"', start) - start);
                }
            }

            return null;
        }

        private static bool IsNumber(string text)
        {
            if (text == null || text.Length == 0)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static void AssertName(string expected, string actual, string what)
        {
            Assert.IsFalse(IsNumber(actual), what + " is the number " + actual);
            Assert.AreEqual(expected, actual, what);
        }

        /// <summary>Boot, plug in with a 32 A cable, swipe a card, the EV asks for power: charging.</summary>
        private static void StartCharging()
        {
            Run(3000);
            _proximity.Plug(SimProximity.Cable32AOhms);
            _pilot.EvState = EvPilotState.B;
            Run(1000);
            _station.PresentIdToken("RFID-0001");
            Run(1000);
            _pilot.EvState = EvPilotState.C;
            Run(2000);
        }

        private static string ConsoleSays(string line)
        {
            byte[] input = Encoding.UTF8.GetBytes(line + "\r");
            _consoleLine.B.Write(input, 0, input.Length);
            Run(1500);
            byte[] output = new byte[8192];
            int n = _consoleLine.B.Read(output, 0, output.Length, 0);
            return new string(Encoding.UTF8.GetChars(output, 0, n));
        }

        private static bool LogHas(string component, string message)
        {
            LogEntry[] entries = new LogEntry[_station.Log.Capacity];
            _station.Log.CopyNewest(entries, LogLevel.Debug, null);
            for (int i = 0; i < entries.Length; i++)
            {
                if (entries[i].Component == component && entries[i].Message != null && entries[i].Message.IndexOf(message) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        [TestMethod]
        public void TransactionEventsCarryChargingStateTriggerAndStoppedReasonNames_E01_E06()
        {
            Build();
            StartCharging();
            _pilot.EvState = EvPilotState.A;
            _proximity.Unplug();
            Run(2000);

            string started = WireValue("\"eventType\":\"Started\"", "chargingState");
            Assert.IsNotNull(started, "no TransactionEvent Started with a chargingState reached the CSMS");
            // The power path is closed with the EV in C when the transaction starts: Started says Charging
            // (issue 17 item 6), by name.
            AssertName("Charging", started, "Started chargingState");
            Assert.IsFalse(IsNumber(WireValue("\"eventType\":\"Started\"", "triggerReason")), "Started triggerReason");
            AssertName("Ended", WireValue("\"eventType\":\"Ended\"", "eventType"), "Ended eventType");
            AssertName("EVDisconnected", WireValue("\"eventType\":\"Ended\"", "stoppedReason"), "Ended stoppedReason");
            for (int i = 0; i < _stationFrames.Count; i++)
            {
                string frame = (string)_stationFrames[i];
                for (char digit = '0'; digit <= '9'; digit++)
                {
                    Assert.IsTrue(frame.IndexOf("\"chargingState\":\"" + digit) < 0, "a number as chargingState: " + frame);
                }
            }
        }

        [TestMethod]
        public void StatusNotificationCarriesTheConnectorStatusName_G01()
        {
            Build();
            Run(3000);

            AssertName("Available", WireValue("StatusNotification", "connectorStatus"), "StatusNotification connectorStatus");
        }

        [TestMethod]
        public void UnlockConnectorAnswersWithItsStatusName_F05()
        {
            Build();
            Run(3000);

            _socket.Server.Send("[2,\"u1\",\"UnlockConnector\",{\"evseId\":1,\"connectorId\":1}]");
            _socket.Server.Send("[2,\"u2\",\"UnlockConnector\",{\"evseId\":1,\"connectorId\":7}]");
            Run(500);

            AssertName("Unlocked", WireValue("[3,\"u1\"", "status"), "UnlockConnector status");
            AssertName("UnknownConnector", WireValue("[3,\"u2\"", "status"), "UnlockConnector status for a connector that does not exist");
        }

        [TestMethod]
        public void ACardAtTheReaderReportsWhatHappenedByName()
        {
            Build();
            Run(3000);
            _proximity.Plug(SimProximity.Cable32AOhms);
            _pilot.EvState = EvPilotState.B;
            Run(1000);

            string result = _station.PresentIdToken("RFID-0001");

            Assert.IsFalse(IsNumber(result), "PresentIdToken gave the number " + result);
            Assert.IsTrue(result == "Pending" || result == "Accepted", result);
        }

        [TestMethod]
        public void ConsolePilotAndStatusShowStateNames()
        {
            Build();
            StartCharging();

            string pilot = ConsoleSays("pilot");
            string status = ConsoleSays("status");

            Assert.IsTrue(pilot.IndexOf("pilot C2,") >= 0, pilot);
            Assert.IsTrue(pilot.IndexOf("level C,") >= 0, pilot);
            Assert.IsTrue(pilot.IndexOf("cable Rated,") >= 0, pilot);
            Assert.IsTrue(status.IndexOf("pilot C2,") >= 0, status);
            Assert.IsTrue(status.IndexOf("ocpp Connected, registration Accepted, connector Occupied") >= 0, status);
            Assert.IsTrue(status.IndexOf(", Charging") >= 0, status);
        }

        [TestMethod]
        public void ConsoleTempsShowSensorAndDeratingNames()
        {
            Build();
            Run(2000);

            string temps = ConsoleSays("temps");

            Assert.IsTrue(temps.IndexOf("derating None") >= 0, temps);
        }

        [TestMethod]
        public void LogLinesOfStateChangesAndFaultsNameTheStates()
        {
            Build();
            StartCharging();
            _rcd.Level = true;
            Run(500);

            Assert.IsTrue(LogHas("charging", "state A -> B1"), "no 'state A -> B1' log line");
            Assert.IsTrue(LogHas("charging", "state B2 -> C2"), "no 'state B2 -> C2' log line");
            Assert.IsTrue(LogHas("safety", "fault RcdTrip"), "no 'fault RcdTrip' log line");
        }

        [TestMethod]
        public void FaultClearParsesARealCodeNameAndTheHistoryNamesIt()
        {
            Build();
            Run(1000);
            _rcd.Level = true;
            Run(500);
            _rcd.Level = false;
            Run(500);
            StationFaultControl faults = new StationFaultControl(_station.Faults, _station.Controller);

            FaultRecord[] records = new FaultRecord[4];
            int count = faults.ReadFaults(records);
            ConsoleResult cleared = faults.Clear("RcdTrip", false);

            Assert.IsTrue(count >= 1, "the RCD trip is in the history");
            Assert.AreEqual("RcdTrip", records[0].Code);
            Assert.IsTrue(cleared.Message.IndexOf("RcdTrip") == 0, cleared.Message);
            Assert.IsTrue(cleared.Message.IndexOf("unknown fault code") < 0, cleared.Message);
            ConsoleResult unknown = faults.Clear("NoSuchFault", false);
            Assert.IsFalse(unknown.Succeeded);
            Assert.IsTrue(unknown.Message.IndexOf("RcdTrip, EmergencyStop") >= 0, unknown.Message);
        }
    }
}
