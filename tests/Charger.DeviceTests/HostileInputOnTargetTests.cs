using System;
using System.Text;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Station;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Hal.Sim.Serial;
using Charger.Metering.Modbus;
using Charger.Metering.Profiles;
using Charger.Metering.Service;
using Charger.Ocpp;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Security;
using Charger.Ocpp.Transactions;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// Issue 13 on the real runtime: the reproducers of the desktop regression tests, run on nanoCLR,
    /// plus the cost of one maintenance-password hash there (printed as "password hash: N ms").
    /// </summary>
    [TestClass]
    public class HostileInputOnTargetTests
    {
        private static VirtualClock _clock;
        private static LoopbackWebSocket _socket;
        private static OcppStation _station;
        private static Hooks _hooks;

        // ---- 1. a meter that lies once ----

        [TestMethod]
        public void OneMeterReadingOf1e30KWhIsSkippedAndTheNextGoodOneAccepted()
        {
            VirtualClock clock = new VirtualClock(0);
            LoopbackSerialPair pair = new LoopbackSerialPair(clock, 115200);
            pair.B.Open();
            MeterService service = new MeterService(new ModbusRtuMaster(pair.A), new Sdm630Profile(), 1);
            ushort[] registers = new ushort[0x60];
            SetFloat(registers, 0x46, 50f);
            for (int p = 0; p < 3; p++)
            {
                SetFloat(registers, p * 2, 230f);
                SetFloat(registers, 6 + p * 2, 16f);
            }

            SetFloat(registers, 0x34, 11040f);
            SetFloat(registers, 0x48, 100f);
            RunMeter(service, pair, registers, clock, 2000);
            Assert.AreEqual((int)MeterHealth.Healthy, (int)service.Health);

            SetFloat(registers, 0x48, 1e30f);
            RunMeter(service, pair, registers, clock, 1000);
            Assert.IsTrue(service.ImplausibleReadings >= 1);
            Assert.IsTrue(service.ChargingPermitted);

            SetFloat(registers, 0x48, 100.01f);
            RunMeter(service, pair, registers, clock, 2000);
            Assert.AreEqual((int)MeterHealth.Healthy, (int)service.Health);
            Assert.IsTrue(service.LatestReading.EnergyActiveImportWh < 1e9);
        }

        // ---- 2. a measurand of 4e18 ----

        [TestMethod]
        public void AMeasurandOf4e18IsLeftOutOfTheEventInsteadOfThrowing()
        {
            MeterSampleBuffer samples = new MeterSampleBuffer(2);
            Charger.Ocpp.Transactions.MeterReading r = new Charger.Ocpp.Transactions.MeterReading();
            r.EnergyWh = 1000;
            r.HasPower = true;
            r.PowerW = 4.0e18;
            r.Phases = 1;
            r.CurrentA[0] = 4.0e18;
            r.VoltageV[0] = 230;
            samples.Add(r, 1700000000000, MeterSampleBuffer.ContextPeriodic, 15);

            string json = new TransactionMessageBuilder().TransactionEvent(TransactionEventType.Updated, 1700000000000, "MeterValuePeriodic", 1, false,
                "T1", false, ChargingState.Charging, null, -1, null, 1, 1, samples);

            Assert.IsTrue(json.IndexOf("Current.Import") < 0);
            Assert.IsTrue(json.IndexOf("\"value\":230") > 0);
        }

        // ---- 3. a huge BootNotification interval ----

        [TestMethod]
        public void AHugeBootIntervalIsBoundedAndDeadlinesSaturate()
        {
            Assert.AreEqual(long.MaxValue, TimeMath.AddSeconds(1000, long.MaxValue));
            StartStation();
            string boot = NextFrame();
            Assert.IsTrue(boot.IndexOf("BootNotification") > 0);
            _socket.Server.Send("[3," + IdOf(boot) + ",{\"currentTime\":\"2026-11-21T10:00:00.000Z\",\"interval\":9223372036854775,\"status\":\"Accepted\"}]");
            Tick(3);
            Assert.AreEqual("86400", _station.Variables.HeartbeatInterval.GetValue(AttributeType.Actual));
            Assert.IsTrue(_station.Registration.NextHeartbeatMs > _clock.NowMs);
        }

        // ---- 4 and 8. the trace ----

        [TestMethod]
        public void MaskingA16KbFrameIsLinearAndTheRecentListStaysBounded()
        {
            StringBuilder sb = new StringBuilder("[2,\"m1\",\"SetVariables\",{\"setVariableData\":[");
            for (int i = 0; i < 140; i++)
            {
                sb.Append(i == 0 ? "" : ",");
                sb.Append("{\"attributeValue\":\"secret\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"MaintenancePassword\"}}");
            }

            sb.Append("]}]");
            OutputHelper.WriteLine("frame built");
            long start = DateTime.UtcNow.Ticks;
            string masked = TracingWebSocket.Mask(sb.ToString());
            long ms = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            OutputHelper.WriteLine("mask of a " + sb.Length + " character frame: " + ms + " ms");
            Assert.IsTrue(masked.IndexOf("secret") < 0);
            start = DateTime.UtcNow.Ticks;
            new JsonParser(16, 16384).Parse(sb.ToString());
            OutputHelper.WriteLine("parse of a " + sb.Length + " character frame: " + (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond + " ms");

            VirtualClock clock = new VirtualClock(0);
            LoopbackWebSocket socket = new LoopbackWebSocket();
            TracingWebSocket trace = new TracingWebSocket(socket, clock, new LogRing(clock, 8));
            string longIdFrame = "[2,\"" + new string('i', 16000) + "\",\"Heartbeat\",{}]";
            start = DateTime.UtcNow.Ticks;
            trace.SendText(longIdFrame);
            OutputHelper.WriteLine("recent-list summary of a 16,000 character id: " + (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond + " ms");
            string[] lines = new string[TracingWebSocket.RecentCapacity];
            int n = trace.CopyRecent(lines, 0);
            Assert.AreEqual(1, n);
            Assert.IsTrue(lines[0].Length <= TracingWebSocket.MaxSummaryChars);
        }

        // ---- 5, 6, 7. RPC replies ----

        [TestMethod]
        public void AMessageTypeOutsideTheIntRangeIsNotExecuted()
        {
            StartAccepted();
            _socket.Server.Send("[4294967298,\"x2\",\"Reset\",{\"type\":\"Immediate\"}]");
            string reply = NextReply();
            Assert.IsTrue(reply.IndexOf("[4,\"x2\",\"MessageTypeNotSupported\"") == 0);
            Assert.AreEqual(0, _hooks.Resets);
        }

        [TestMethod]
        public void ErrorRepliesNeverCarryHalfASurrogatePair()
        {
            StartAccepted();
            _socket.Server.Send("[1\uD83D\uDD0C");
            string reply = NextReply();
            for (int i = 0; i < reply.Length; i++)
            {
                char c = reply[i];
                if (c >= 0xD800 && c <= 0xDBFF)
                {
                    Assert.IsTrue(i + 1 < reply.Length && reply[i + 1] >= 0xDC00 && reply[i + 1] <= 0xDFFF);
                    i++;
                }
                else
                {
                    Assert.IsFalse(c >= 0xDC00 && c <= 0xDFFF);
                }
            }
        }

        [TestMethod]
        public void DuplicateKeysDeepNestingAndBadEscapesAreAnsweredWithTheCallsId()
        {
            StartAccepted();
            _socket.Server.Send("[2,\"dup1\",\"Reset\",{\"type\":\"Immediate\",\"type\":\"OnIdle\"}]");
            Assert.IsTrue(NextReply().IndexOf("[4,\"dup1\",\"FormatViolation\"") == 0);
            _socket.Server.Send("[2,\"deep1\",\"Reset\",{\"a\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}]");
            Assert.IsTrue(NextReply().IndexOf("[4,\"deep1\",\"FormatViolation\"") == 0);
            _socket.Server.Send("[2,\"esc1\",\"Reset\",{\"type\":\"\\udc00\"}]");
            Assert.IsTrue(NextReply().IndexOf("[4,\"esc1\",\"FormatViolation\"") == 0);
            Assert.AreEqual(0, _hooks.Resets);
        }

        // ---- 9. password hashing cost ----

        [TestMethod]
        public void OnlyOnePasswordIsHashedPerSetVariablesAndTheCostIsMeasured()
        {
            long start = DateTime.UtcNow.Ticks;
            string stored = PasswordHash.Create("maintenance-42", new SeededRandom(3), PasswordHash.DefaultIterations);
            long ms = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            OutputHelper.WriteLine("password hash (" + PasswordHash.DefaultIterations + " SHA-256 rounds): " + ms + " ms");
            Assert.IsTrue(PasswordHash.Verify("maintenance-42", stored));

            StartAccepted();
            StringBuilder sb = new StringBuilder("[2,\"pw\",\"SetVariables\",{\"setVariableData\":[");
            for (int i = 0; i < 20; i++)
            {
                sb.Append(i == 0 ? "" : ",");
                sb.Append("{\"attributeValue\":\"password-" + i + "x\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"MaintenancePassword\"}}");
            }

            sb.Append("]}]");
            int before = PasswordHash.Derivations;
            _socket.Server.Send(sb.ToString());
            string reply = NextReply();
            Assert.AreEqual(1, PasswordHash.Derivations - before);
            Assert.IsTrue(reply.IndexOf("OneHashPerMessage") > 0);
            Assert.IsTrue(_station.DeviceModel.HashPending);

            // Spread over ticks: the slice one tick costs here.
            start = DateTime.UtcNow.Ticks;
            Tick(1);
            long tickMs = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            OutputHelper.WriteLine("one station tick while hashing (" + StationDeviceModel.HashRoundsPerStep + " rounds): " + tickMs + " ms");
            Tick(PasswordHash.DefaultIterations / StationDeviceModel.HashRoundsPerStep);
            Assert.IsFalse(_station.DeviceModel.HashPending);
            Assert.IsTrue(_station.VerifyMaintenancePassword("password-0x"));
        }

        // ---- 10. canonical integers ----

        [TestMethod]
        public void AnEvseIdSentAs2Point0IsEchoedAs2()
        {
            StartAccepted();
            _socket.Server.Send("[2,\"e1\",\"SetVariables\",{\"setVariableData\":[{\"attributeValue\":\"x\",\"component\":{\"name\":\"EVSE\",\"evse\":{\"id\":2.0}},\"variable\":{\"name\":\"Nothing\"}}]}]");
            string reply = NextReply();
            Assert.IsTrue(reply.IndexOf("\"evse\":{\"id\":2}") > 0);
        }

        // ---- helpers ----

        private static void StartStation()
        {
            _clock = new VirtualClock(1000);
            _socket = new LoopbackWebSocket();
            _socket.Server.AutoAccept = true;
            _hooks = new Hooks();
            StationConfig config = new StationConfig();
            config.StationId = "CS-NANO";
            config.CsmsUrl = "ws://csms.test/ocpp/";
            config.BasicAuthPassword = "nano-password-0123456789";
            config.SerialNumber = "SN-1";
            config.ConnectorsPerEvse = new int[] { 1, 1 };
            _station = new OcppStation(config, _socket, new MemoryFileStore(), new SeededRandom(5), new LogRing(_clock, 32), _hooks,
                BootReason.PowerUp, new RpcLimits());
            Tick(2);
        }

        private static void StartAccepted()
        {
            StartStation();
            string boot = NextFrame();
            _socket.Server.Send("[3," + IdOf(boot) + ",{\"currentTime\":\"2026-11-21T10:00:00.000Z\",\"interval\":300,\"status\":\"Accepted\"}]");
            Tick(3);
            while (_socket.Server.TakeReceived() != null)
            {
            }
        }

        private static void Tick(int times)
        {
            for (int i = 0; i < times; i++)
            {
                _clock.Advance(10);
                _station.Tick(_clock.NowMs);
            }
        }

        private static string NextFrame()
        {
            for (int i = 0; i < 5; i++)
            {
                string f = _socket.Server.TakeReceived();
                if (f != null)
                {
                    return f;
                }

                Tick(1);
            }

            throw new Exception("the station sent nothing");
        }

        // The station's next CALLRESULT or CALLERROR, skipping its own CALLs.
        private static string NextReply()
        {
            for (int i = 0; i < 20; i++)
            {
                string f = NextFrame();
                if (f.IndexOf("[2,") != 0)
                {
                    return f;
                }
            }

            throw new Exception("no reply");
        }

        private static string IdOf(string frame)
        {
            int open = frame.IndexOf('"');
            int close = frame.IndexOf('"', open + 1);
            return frame.Substring(open, close - open + 1);
        }

        private static void SetFloat(ushort[] registers, int index, float value)
        {
            byte[] b = BitConverter.GetBytes(value);
            registers[index] = (ushort)((b[3] << 8) | b[2]);
            registers[index + 1] = (ushort)((b[1] << 8) | b[0]);
        }

        // Answers each read-input-registers request on the meter's side of the line from the register image.
        private static void RunMeter(MeterService service, LoopbackSerialPair pair, ushort[] registers, VirtualClock clock, int durationMs)
        {
            byte[] request = new byte[8];
            long end = clock.NowMs + durationMs;
            while (clock.NowMs < end)
            {
                service.Tick(clock.NowMs);
                if (pair.B.BytesAvailable >= 8)
                {
                    pair.B.Read(request, 0, 8, 0);
                    int start = (request[2] << 8) | request[3];
                    int count = (request[4] << 8) | request[5];
                    byte[] answer = new byte[5 + count * 2];
                    answer[0] = request[0];
                    answer[1] = request[1];
                    answer[2] = (byte)(count * 2);
                    for (int i = 0; i < count; i++)
                    {
                        answer[3 + i * 2] = (byte)(registers[start + i] >> 8);
                        answer[4 + i * 2] = (byte)registers[start + i];
                    }

                    ModbusCrc.Append(answer, 0, 3 + count * 2);
                    pair.B.Write(answer, 0, answer.Length);
                }

                clock.Advance(5);
            }
        }

        private sealed class Hooks : IStationHooks
        {
            public int Resets;

            public bool SupportsEvseReset
            {
                get { return false; }
            }

            public bool IsTransactionRunning(int evseId)
            {
                return false;
            }

            public void Reset(bool immediate, int evseId)
            {
                Resets++;
            }

            public void SetOperative(int evseId, int connectorId, bool operative)
            {
            }

            public bool TriggerMeterValues(int evseId)
            {
                return true;
            }

            public bool TriggerTransactionEvent(int evseId)
            {
                return true;
            }
        }
    }
}
