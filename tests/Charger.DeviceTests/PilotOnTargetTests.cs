using Charger.Firmware.Pilot;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Pilot;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// Control-pilot classification (IEC 61851-1 Table A.3) on the board's CLR: the voltage bands,
    /// the divider's double arithmetic and the burst sampler fed by the simulated EV, mirroring
    /// tests/Charger.Firmware.Tests/ChargeControl/PilotClassificationTests.
    /// </summary>
    /// <remarks>The real launcher invokes each test statically: every test builds its own objects.</remarks>
    [TestClass]
    public class PilotOnTargetTests
    {
        private static SimPilotSignal _ev;
        private static SimPwmOutput _pwm;
        private static ControlPilot _pilot;

        private static void CreatePilot()
        {
            SimAdcChannel adc = new SimAdcChannel(4095);
            _pwm = new SimPwmOutput(1000);
            _ev = new SimPilotSignal(adc, _pwm);
            _pwm.SetDutyCycle(1.0);
            _pwm.Start();
            _pilot = new ControlPilot(adc, _pwm, PilotBoardProfile.CreateDefault(4095), new PilotThresholds(), 48, 2);
        }

        [TestMethod]
        public void NominalLevelsOfTableA3ClassifyAsTheirState()
        {
            PilotThresholds t = new PilotThresholds();

            Assert.AreEqual((int)PilotLevel.A, (int)t.Classify(12000));
            Assert.AreEqual((int)PilotLevel.B, (int)t.Classify(9000));
            Assert.AreEqual((int)PilotLevel.C, (int)t.Classify(6000));
            Assert.AreEqual((int)PilotLevel.D, (int)t.Classify(3000));
            Assert.AreEqual((int)PilotLevel.E, (int)t.Classify(0));
            Assert.AreEqual((int)PilotLevel.F, (int)t.Classify(-12000));
        }

        [TestMethod]
        public void BandEdgesAtOneVoltFromNominalStillBelongToTheBand()
        {
            PilotThresholds t = new PilotThresholds();
            int[] mv = { 11000, 13000, 8000, 10000, 5000, 7000, 2000, 4000, -1000, 1000, -13000, -11000 };
            int[] expected = { 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5 };
            for (int i = 0; i < mv.Length; i++)
            {
                Assert.AreEqual(expected[i], (int)t.Classify(mv[i]), mv[i] + " mV");
            }
        }

        [TestMethod]
        public void VoltagesBetweenBandsAreInvalidNotRounded()
        {
            PilotThresholds t = new PilotThresholds();
            int[] mv = { 10001, 10500, 10999, 7500, 4500, 1500, -1001, -6000, -10999, 13001, -13001 };
            for (int i = 0; i < mv.Length; i++)
            {
                Assert.AreEqual((int)PilotLevel.Invalid, (int)t.Classify(mv[i]), mv[i] + " mV");
            }
        }

        [TestMethod]
        public void BandsAreConfigurableAndOverlapsAreRefused()
        {
            PilotThresholds t = new PilotThresholds();
            t.SetBand(PilotLevel.C, 5500, 6500);

            Assert.AreEqual((int)PilotLevel.Invalid, (int)t.Classify(5200));
            Assert.AreEqual((int)PilotLevel.C, (int)t.Classify(5600));
            Assert.ThrowsException(typeof(System.ArgumentException), () => t.SetBand(PilotLevel.D, 3000, 5600));
            Assert.ThrowsException(typeof(System.ArgumentException), () => t.SetBand(PilotLevel.A, 13000, 11000));
            Assert.AreEqual(3000 + 1000, t.GetHighMv(PilotLevel.D), "a refused band leaves the old one");
        }

        [TestMethod]
        public void BoardProfileConvertsCountsToPilotVoltsWithinOneCount()
        {
            // One count of a 12-bit ADC behind the gain-of-8 divider is about 6.4 mV of pilot.
            PilotBoardProfile profile = PilotBoardProfile.CreateDefault(4095);
            int[] pilotMv = { -12000, -6000, 0, 3000, 6000, 9000, 12000 };
            for (int i = 0; i < pilotMv.Length; i++)
            {
                int back = profile.ToPilotMv(profile.ToCounts(pilotMv[i]));
                Assert.IsTrue(back >= pilotMv[i] - 7 && back <= pilotMv[i] + 7, pilotMv[i] + " mV came back as " + back);
            }
        }

        [TestMethod]
        public void BoardProfileUsesOffsetReferenceAndDivider()
        {
            // Mid-scale is the bias (0 V pilot); full scale is +2.5 V at the ADC, times 4 = +10 V.
            PilotBoardProfile profile = new PilotBoardProfile(1023, 5000, 2500, 4.0);
            int mid = profile.ToPilotMv(512);

            Assert.IsTrue(mid >= -20 && mid <= 20, "mid-scale read " + mid + " mV");
            Assert.AreEqual(10000, profile.ToPilotMv(1023));
            Assert.AreEqual(-10000, profile.ToPilotMv(0));
        }

        [TestMethod]
        public void SimulatedEvResistorsClassifyThroughTheAdcAfterDebounce()
        {
            int[] ev = { (int)EvPilotState.A, (int)EvPilotState.B, (int)EvPilotState.C, (int)EvPilotState.D, (int)EvPilotState.E, (int)EvPilotState.F };
            for (int i = 0; i < ev.Length; i++)
            {
                CreatePilot();
                _ev.EvState = (EvPilotState)ev[i];
                _pilot.Tick(10);
                Assert.AreEqual(i, (int)_pilot.RawLevel, "raw level of EV state " + i);
                Assert.AreEqual((int)PilotLevel.Invalid, (int)_pilot.Level, "one tick is not debounced");
                _pilot.Tick(20);
                Assert.AreEqual(i, (int)_pilot.Level, "debounced level of EV state " + i);
                Assert.AreEqual(10, (int)_pilot.LevelSinceMs);
            }
        }

        [TestMethod]
        public void BurstCoversAWholePwmPeriodAndSeesBothPlateausAtTenPercentDuty()
        {
            CreatePilot();
            _ev.EvState = EvPilotState.C;
            _pwm.SetDutyCycle(0.10);
            for (int t = 10; t <= 100; t += 10)
            {
                _pilot.Tick(t);
                Assert.AreEqual((int)PilotLevel.C, (int)_pilot.RawLevel);
                Assert.IsTrue(_pilot.HighPlateauMv >= 5000 && _pilot.HighPlateauMv <= 7000, "high " + _pilot.HighPlateauMv);
                Assert.IsTrue(_pilot.LowPlateauMv >= -12100 && _pilot.LowPlateauMv <= -11900, "low " + _pilot.LowPlateauMv);
            }

            Assert.IsFalse(_pilot.DiodeFaultDetected);
        }

        [TestMethod]
        public void SingleTickGlitchDoesNotChangeTheDebouncedState()
        {
            CreatePilot();
            _ev.EvState = EvPilotState.C;
            _pilot.Tick(10);
            _pilot.Tick(20);
            _ev.EvState = EvPilotState.A;
            _pilot.Tick(30);
            _ev.EvState = EvPilotState.C;
            _pilot.Tick(40);
            _pilot.Tick(50);

            Assert.AreEqual((int)PilotLevel.C, (int)_pilot.Level);
            Assert.AreEqual(1L, _pilot.LevelChangeCount);
        }

        [TestMethod]
        public void MissingDiodeIsDetectedOnlyWhilePwmRuns()
        {
            CreatePilot();
            _ev.EvState = EvPilotState.B;
            _ev.DiodePresent = false;
            _pilot.Tick(10);
            _pilot.Tick(20);
            Assert.IsFalse(_pilot.DiodeFaultDetected, "no PWM, no diode check");

            _pwm.SetDutyCycle(0.5);
            _pilot.Tick(30);
            Assert.IsFalse(_pilot.DiodeFaultDetected, "debounced over two ticks");
            _pilot.Tick(40);

            Assert.IsTrue(_pilot.DiodeFaultDetected);
            Assert.AreEqual(30L, _pilot.DiodeFaultSinceMs);
            Assert.IsTrue(_pilot.LowPlateauMv >= -9500 && _pilot.LowPlateauMv <= -8000, "low " + _pilot.LowPlateauMv);
        }

        [TestMethod]
        public void ZeroVoltsWhileDrivenHighIsAShortButMinusTwelveWhileDrivenLowIsNot()
        {
            CreatePilot();
            _pwm.SetDutyCycle(0.0);
            _ev.EvState = EvPilotState.B;
            _pilot.Tick(10);
            _pilot.Tick(20);
            Assert.IsTrue(_pilot.DrivingLow);
            Assert.AreEqual((int)PilotLevel.F, (int)_pilot.Level);
            Assert.IsFalse(_pilot.ShortDetected);

            _pwm.SetDutyCycle(1.0);
            _ev.EvState = EvPilotState.E;
            _pilot.Tick(30);
            _pilot.Tick(40);

            Assert.IsTrue(_pilot.ShortDetected);
        }

        [TestMethod]
        public void ReadingsThatKeepChangingWithoutSettlingMakeTheStateInvalidWithinTheDebounce()
        {
            CreatePilot();
            _ev.EvState = EvPilotState.C;
            _pilot.Tick(10);
            _pilot.Tick(20);
            Assert.AreEqual((int)PilotLevel.C, (int)_pilot.Level);

            _ev.EvState = EvPilotState.A;
            _pilot.Tick(30);
            _ev.EvState = EvPilotState.B;
            _pilot.Tick(40);
            Assert.AreEqual((int)PilotLevel.Invalid, (int)_pilot.Level);
            Assert.AreEqual(30L, _pilot.LevelSinceMs);

            _ev.EvState = EvPilotState.A;
            _pilot.Tick(50);
            _ev.EvState = EvPilotState.B;
            _pilot.Tick(60);
            Assert.AreEqual((int)PilotLevel.Invalid, (int)_pilot.Level);
            _pilot.Tick(70);
            Assert.AreEqual((int)PilotLevel.B, (int)_pilot.Level);
        }

        [TestMethod]
        public void InvalidConstructorArgumentsAreRefused()
        {
            SimAdcChannel adc = new SimAdcChannel(4095);
            SimPwmOutput pwm = new SimPwmOutput(1000);

            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException),
                () => new ControlPilot(adc, pwm, PilotBoardProfile.CreateDefault(4095), new PilotThresholds(), 1, 2));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException),
                () => new ControlPilot(adc, pwm, PilotBoardProfile.CreateDefault(4095), new PilotThresholds(), 48, 0));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => new PilotBoardProfile(4095, 3300, 1650, 0.0));
        }
    }
}
