using Charger.Firmware.Control;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Pilot;
using Charger.Firmware.Runtime;
using Charger.Firmware.Safety;
using Charger.Firmware.Thermal;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Pilot;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// Issue 12 on the real runtime: diode check before closing, latch restore at boot, the RCD retry
    /// count, the bounded pilot debounce window, the fast over-current stage and the NTC window. The
    /// launcher calls tests statically: every test rebuilds the static rig first.
    /// </summary>
    [TestClass]
    public class SafetyHardeningOnTargetTests
    {
        private const int TickMs = 10;

        private static VirtualClock _clock;
        private static SimPwmOutput _pwm;
        private static SimPilotSignal _ev;
        private static SimDigitalInput _rcd;
        private static SimDigitalInput _estop;
        private static SimDigitalOutput _coil;
        private static SimDigitalInput _aux;
        private static SimAdcChannel _ntc;
        private static ChargeController _controller;
        private static ChargerRuntime _runtime;

        /// <summary>A fresh controller on the simulated HAL; <paramref name="store"/> is its flash across "reboots".</summary>
        private static void Boot(IFileStore store, ChargeControlConfig config)
        {
            _clock = new VirtualClock(1000);
            LogRing log = new LogRing(_clock, 64);
            SimAdcChannel pilotAdc = new SimAdcChannel(4095);
            _pwm = new SimPwmOutput(1000);
            _ev = new SimPilotSignal(pilotAdc, _pwm);
            _rcd = new SimDigitalInput(false);
            _estop = new SimDigitalInput(false);
            _coil = new SimDigitalOutput();
            _aux = new SimDigitalInput(false);
            _ntc = new SimAdcChannel(4095);
            SetTemperature(25.0);

            ChargerHardware hardware = new ChargerHardware();
            hardware.PilotAdc = pilotAdc;
            hardware.PilotPwm = _pwm;
            hardware.RcdTrip = _rcd;
            hardware.EmergencyStop = _estop;
            hardware.ContactorCoil = _coil;
            hardware.ContactorFeedback = _aux;
            hardware.Thermistors = new IAdcChannel[] { _ntc };
            hardware.LatchStorage = store;
            config.TetheredCableRatingDa = 320;
            _controller = new ChargeController(hardware, config, log);
            _runtime = new ChargerRuntime(log, new SimWatchdog(_clock), TickMs, 16, 8);
            _controller.Register(_runtime);
        }

        private static void SetTemperature(double temperatureC)
        {
            double ohms = new BetaNtcModel().ResistanceOhmsAt(temperatureC);
            _ntc.Value = (int)(4095.0 * ohms / (ohms + 10000.0) + 0.5);
        }

        private static void Tick()
        {
            _clock.Advance(TickMs);
            _aux.Level = _coil.State;
            _runtime.Tick(_clock.NowMs);
        }

        private static void Run(int ticks)
        {
            for (int i = 0; i < ticks; i++)
            {
                Tick();
            }
        }

        private static void StartCharging()
        {
            _ev.EvState = EvPilotState.B;
            Run(5);
            _controller.SetAuthorized(true);
            Run(5);
            _ev.EvState = EvPilotState.C;
            Run(10);
            Assert.IsTrue(_coil.State, "charging did not start");
        }

        [TestMethod]
        public void TheContactorClosesOnlyAfterTwoTicksOfDiodeCheckUnderPwm()
        {
            Boot(null, new ChargeControlConfig());
            _ev.EvState = EvPilotState.C;
            Run(10);
            _controller.SetAuthorized(true);
            int pwmTicks = 0;
            for (int i = 0; i < 50 && !_coil.State; i++)
            {
                bool pwmBefore = _pwm.IsRunning && _pwm.DutyCycle > 0.0 && _pwm.DutyCycle < 1.0;
                pwmTicks = pwmBefore ? pwmTicks + 1 : 0;
                Tick();
            }

            Assert.IsTrue(_coil.State, "never closed");
            Assert.IsTrue(pwmTicks >= ControlPilot.DiodeCheckTicks, "closed after " + pwmTicks + " bursts under PWM");
        }

        [TestMethod]
        public void AResistorWithoutDiodeIsNeverEnergised()
        {
            Boot(null, new ChargeControlConfig());
            _ev.EvState = EvPilotState.C;
            _ev.DiodePresent = false;
            _controller.SetAuthorized(true);
            for (int i = 0; i < 100; i++)
            {
                Tick();
                Assert.IsFalse(_coil.State, "energised without a diode at tick " + i);
            }

            Assert.IsTrue(_controller.IsFaultActive(FaultCode.DiodeFault));
            Assert.AreEqual((int)FaultClearResult.ConditionPresent, (int)_controller.ClearFault(FaultCode.DiodeFault, true));
        }

        [TestMethod]
        public void ALatchedEmergencyStopIsRestoredAtBootBeforeTheFirstTick()
        {
            MemoryFileStore store = new MemoryFileStore();
            Boot(store, new ChargeControlConfig());
            _estop.Level = true;
            Tick();
            _estop.Level = false;

            Boot(store, new ChargeControlConfig());
            Assert.IsTrue(_controller.Safety.IsLatched(FaultCode.EmergencyStop));
            Assert.IsFalse(_controller.Safety.ChargingAllowed);
            _ev.EvState = EvPilotState.C;
            _controller.SetAuthorized(true);
            for (int i = 0; i < 50; i++)
            {
                Tick();
                Assert.IsFalse(_coil.State, "re-energised after the restart");
            }
        }

        [TestMethod]
        public void TheRcdRetryCountSurvivesARebootAndTheFourthTripLatches()
        {
            MemoryFileStore store = new MemoryFileStore();
            ChargeControlConfig config = NewConfigWithFastRcdRetry();
            Boot(store, config);
            for (int trip = 0; trip < SafetySettings.RcdMaxAutoRetries; trip++)
            {
                _rcd.Level = true;
                Tick();
                _rcd.Level = false;
                Run(110);
                Assert.IsFalse(_controller.IsFaultActive(FaultCode.RcdTrip), "trip " + trip + " not retried");
                if (trip == 1)
                {
                    Boot(store, NewConfigWithFastRcdRetry());
                    Assert.AreEqual(2, _controller.Safety.GetRetryCount(FaultCode.RcdTrip));
                }
            }

            _rcd.Level = true;
            Tick();
            _rcd.Level = false;
            Run(200);
            Assert.IsTrue(_controller.Safety.IsLatched(FaultCode.RcdTrip));
        }

        private static ChargeControlConfig NewConfigWithFastRcdRetry()
        {
            ChargeControlConfig config = new ChargeControlConfig();
            config.Safety.FaultHoldMs = SafetySettings.MinFaultHoldMs;
            config.Safety.SetPolicy(FaultCode.RcdTrip, new FaultPolicy(LatchPolicy.AutoRetry, SafetySettings.MinAutoRetryDelayMs,
                SafetySettings.RcdMaxAutoRetries, "on-target: 1 s retry"));
            return config;
        }

        [TestMethod]
        public void InterleavedBurstsCannotHoldTheContactorClosed()
        {
            Boot(null, new ChargeControlConfig());
            StartCharging();
            int ticks = 0;
            while (_coil.State && ticks < 50)
            {
                _ev.EvState = ticks % 2 == 0 ? EvPilotState.B : EvPilotState.C;
                Tick();
                ticks++;
            }

            Assert.IsFalse(_coil.State, "still closed after " + ticks + " interleaved bursts");
            Assert.IsTrue(ticks * TickMs <= 100, "opened after " + (ticks * TickMs) + " ms");
        }

        [TestMethod]
        public void ARealCToBOpensWithin30Ms()
        {
            Boot(null, new ChargeControlConfig());
            StartCharging();
            _ev.EvState = EvPilotState.B;
            int ticks = 0;
            while (_coil.State && ticks < 10)
            {
                Tick();
                ticks++;
            }

            Assert.IsTrue(ticks * TickMs < 30, "opened after " + (ticks * TickMs) + " ms");
        }

        [TestMethod]
        public void FiftyPercentAboveTheOfferTripsAtOnce()
        {
            Boot(null, new ChargeControlConfig());
            StartCharging();
            _controller.ReportMeter(_clock.NowMs, true, 60.0, 60.0, 60.0);
            Tick();
            Assert.IsFalse(_coil.State, "60 A on a 32 A offer did not trip at once");
            Assert.IsTrue(_controller.IsFaultActive(FaultCode.OverCurrent));
        }

        [TestMethod]
        public void OneHundredThirtyPercentTripsAfterOneSecond()
        {
            Boot(null, new ChargeControlConfig());
            StartCharging();
            for (int i = 0; i < 95; i++)
            {
                _controller.ReportMeter(_clock.NowMs, true, 41.6, 41.6, 41.6);
                Tick();
            }

            Assert.IsTrue(_coil.State, "tripped before the fast stage's second");
            for (int i = 0; i < 10; i++)
            {
                _controller.ReportMeter(_clock.NowMs, true, 41.6, 41.6, 41.6);
                Tick();
            }

            Assert.IsFalse(_coil.State);
            Assert.IsTrue(_controller.IsFaultActive(FaultCode.OverCurrent));
        }

        [TestMethod]
        public void AnNtcReadingOutsideMinus40To150IsASensorFault()
        {
            Boot(null, new ChargeControlConfig());
            SetTemperature(-45.0);
            Run(3);
            Assert.AreEqual((int)SensorStatus.Implausible, (int)_controller.GetTemperatureStatus(0));
            Assert.IsTrue(_controller.IsFaultActive(FaultCode.TemperatureSensor));

            Boot(null, new ChargeControlConfig());
            SetTemperature(-39.0);
            Run(3);
            Assert.AreEqual((int)SensorStatus.Ok, (int)_controller.GetTemperatureStatus(0));
        }

        [TestMethod]
        public void AZeroMillisecondFaultHoldIsRefusedAtStart()
        {
            ChargeControlConfig config = new ChargeControlConfig();
            config.Safety.FaultHoldMs = 0;
            Assert.ThrowsException(typeof(ChargeControlConfigException), () => Boot(null, config));
        }
    }
}
