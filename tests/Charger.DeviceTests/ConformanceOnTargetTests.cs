using Charger.Firmware.Control;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Runtime;
using Charger.Firmware.Station;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Hal.Sim.Pilot;
using Charger.Ocpp;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Transactions;
using Charger.Ocpp.Transport;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// Issue 17 and issue 12 item 2 on the real runtime: the service stop's timing, case-insensitive
    /// device model names, the reconnection back-off sequence, and reason names that stay names on
    /// nanoFramework (where an enum's ToString gives its number).
    /// </summary>
    [TestClass]
    public class ConformanceOnTargetTests
    {
        private const int TickMs = 10;

        private static VirtualClock _clock;
        private static SimDigitalOutput _coil;
        private static SimDigitalInput _aux;
        private static SimPwmOutput _pwm;
        private static SimPilotSignal _ev;
        private static ChargeController _controller;
        private static ChargerRuntime _runtime;
        private static ServiceStop _serviceStop;
        private static SimRebootController _reboot;

        // Static state, rebuilt by each test: the real launcher calls test methods without an instance.
        private static void BuildCharger()
        {
            _clock = new VirtualClock(1000);
            LogRing log = new LogRing(_clock, 64);
            SimAdcChannel pilotAdc = new SimAdcChannel(4095);
            _pwm = new SimPwmOutput(1000);
            _ev = new SimPilotSignal(pilotAdc, _pwm);
            _coil = new SimDigitalOutput();
            _aux = new SimDigitalInput(false);
            ChargerHardware hardware = new ChargerHardware();
            hardware.PilotAdc = pilotAdc;
            hardware.PilotPwm = _pwm;
            hardware.RcdTrip = new SimDigitalInput(false);
            hardware.EmergencyStop = new SimDigitalInput(false);
            hardware.ContactorCoil = _coil;
            hardware.ContactorFeedback = _aux;
            ChargeControlConfig config = new ChargeControlConfig();
            config.TetheredCableRatingDa = 320;
            _controller = new ChargeController(hardware, config, log);
            _runtime = new ChargerRuntime(log, new SimWatchdog(_clock), TickMs, 16, 8);
            _controller.Register(_runtime);
            _reboot = new SimRebootController();
            _serviceStop = new ServiceStop(_controller, _reboot, log);
            _runtime.AddStage(_serviceStop);
        }

        private static void Tick()
        {
            _clock.Advance(TickMs);
            _aux.Level = _coil.State; // auxiliary contact follows the coil
            _runtime.Tick(_clock.NowMs);
        }

        [TestMethod]
        public void RebootWhileTheEvStaysInCWithdrawsPwmThenOpensAfter3sThenReboots()
        {
            BuildCharger();
            _ev.DiodePresent = true;
            _ev.EvState = EvPilotState.C;
            _controller.SetAuthorized(true);
            for (int i = 0; i < 300 && !_coil.State; i++)
            {
                Tick();
            }

            Assert.IsTrue(_coil.State, "contactor never closed");
            Assert.IsTrue(_controller.PwmOfferActive);

            _serviceStop.Reboot("on-target test");
            long requestedMs = _clock.NowMs;
            Tick();
            Tick();
            Assert.IsFalse(_controller.PwmOfferActive, "PWM offer not withdrawn");
            Assert.IsTrue(_coil.State, "contactor opened under load");

            long openedMs = -1;
            long rebootMs = -1;
            for (int i = 0; i < 600 && rebootMs < 0; i++)
            {
                Tick();
                if (openedMs < 0 && !_coil.State)
                {
                    openedMs = _clock.NowMs;
                }

                if (_reboot.Requested)
                {
                    rebootMs = _clock.NowMs;
                }
            }

            Assert.IsTrue(openedMs > 0, "contactor never opened");
            long heldMs = openedMs - requestedMs;
            Assert.IsTrue(heldMs >= 2990 && heldMs <= 3100, "contactor held " + heldMs.ToString() + " ms after the offer was withdrawn");
            Assert.IsTrue(rebootMs >= openedMs + ServiceStop.DefaultRebootLingerMs, "rebooted before the contactor was open and the linger passed");
        }

        [TestMethod]
        public void RebootWhenTheEvLeavesCOpensAtOnceAndRebootsAfterTheLinger()
        {
            BuildCharger();
            _ev.DiodePresent = true;
            _ev.EvState = EvPilotState.C;
            _controller.SetAuthorized(true);
            for (int i = 0; i < 300 && !_coil.State; i++)
            {
                Tick();
            }

            _serviceStop.Reboot("on-target test");
            Tick();
            _ev.EvState = EvPilotState.B;
            long leftCMs = _clock.NowMs;
            for (int i = 0; i < 20 && _coil.State; i++)
            {
                Tick();
            }

            Assert.IsFalse(_coil.State);
            Assert.IsTrue(_clock.NowMs - leftCMs <= 100, "contactor stayed closed after the EV left C");
            Tick(); // the auxiliary contact reports the opening one tick later
            Assert.IsTrue(_serviceStop.IsServiceStopComplete);
            Assert.IsFalse(_reboot.Requested);
        }

        [TestMethod]
        public void ComponentAndVariableNamesAreCaseInsensitive()
        {
            LogRing log = new LogRing(new VirtualClock(0), 32);
            StationDeviceModel model = new StationDeviceModel(new MemoryFileStore(), log, new SeededRandom(1));
            CoreVariables vars = new CoreVariables(model, new StationConfig());
            Variable exact = model.Find("OCPPCommCtrlr", "HeartbeatInterval");
            Assert.IsNotNull(exact);
            Assert.AreSame(exact, model.Find("ocppcommctrlr", "HEARTBEATINTERVAL"));
            Assert.IsTrue(model.HasComponentName("ocppCOMMctrlr"));
            Assert.IsNull(model.Find("NoSuchCtrlr", "HeartbeatInterval"));
            Assert.AreSame(vars.HeartbeatInterval, exact);
        }

        [TestMethod]
        public void BackOffWaitsTheMinimumFirstThenDoublesUpToRepeatTimes()
        {
            LogRing log = new LogRing(new VirtualClock(0), 32);
            StationDeviceModel model = new StationDeviceModel(new MemoryFileStore(), log, new SeededRandom(1));
            StationConfig config = new StationConfig();
            CoreVariables vars = new CoreVariables(model, config);
            model.SetPersistent(vars.RetryBackOffWaitMinimum, AttributeType.Actual, "2");
            model.SetPersistent(vars.RetryBackOffRandomRange, AttributeType.Actual, "0");
            model.SetPersistent(vars.RetryBackOffRepeatTimes, AttributeType.Actual, "3");
            ConnectionManager connection = new ConnectionManager(new LoopbackWebSocket(), vars, config, new SeededRandom(1), log);

            Assert.AreEqual(2000L, connection.BackOffMs(0));
            Assert.AreEqual(4000L, connection.BackOffMs(1));
            Assert.AreEqual(8000L, connection.BackOffMs(2));
            Assert.AreEqual(16000L, connection.BackOffMs(3));
            Assert.AreEqual(16000L, connection.BackOffMs(4));
        }

        [TestMethod]
        public void StoppedReasonIsWrittenByNameNotByNumber()
        {
            Assert.AreEqual("ImmediateReset", StopReasonText.Of(StopReason.ImmediateReset));
            Assert.AreEqual("PowerLoss", StopReasonText.Of(StopReason.PowerLoss));
            Assert.AreEqual("Local", StopReasonText.Of(StopReason.Local));
        }

        [TestMethod]
        public void UnsynchronisedStampsAreResolvedOnceTheClockIsSet()
        {
            StationClock clock = new StationClock();
            System.DateTime early = clock.UtcAt(5000);
            Assert.IsTrue(StationClock.IsUnsynchronizedStamp(early));
            clock.Set(new System.DateTime(2026, 11, 21, 10, 0, 0), 10000);
            System.DateTime resolved = clock.Resolve(early);
            Assert.AreEqual(new System.DateTime(2026, 11, 21, 9, 59, 55).Ticks, resolved.Ticks);
        }
    }
}
