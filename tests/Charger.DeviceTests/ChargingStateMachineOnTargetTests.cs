using Charger.Firmware.Charging;
using Charger.Firmware.Control;
using Charger.Firmware.Pilot;
using Charger.Firmware.Safety;
using Charger.Hal.Sim.Pilot;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// IEC 61851-1 Annex A states and transitions with the 30 ms reaction limit, run on the board's
    /// CLR through the whole charge-control core (pilot, proximity, safety, state machine, outputs)
    /// on the simulated HAL. Mirrors tests/Charger.Firmware.Tests/ChargeControl/StateMachineTests.
    /// </summary>
    /// <remarks>
    /// States are compared as numbers (the device's enum text is the number); every test builds its
    /// own rig because the real launcher calls test methods statically.
    /// </remarks>
    [TestClass]
    public class ChargingStateMachineOnTargetTests
    {
        private const int ReactionLimitMs = 30;

        private static void AssertState(IecState expected, ChargeRig rig)
        {
            Assert.AreEqual((int)expected, (int)rig.Controller.State, "IEC state (A=0, B1=1, B2=2, C1=3, C2=4, D1=5, D2=6, E=7, F=8, Invalid=9)");
        }

        private static void AssertReaction(int ticks)
        {
            Assert.IsTrue(ticks > 0, "the contactor never opened");
            int ms = (ticks - 1) * ChargeRig.TickMs;
            Assert.IsTrue(ms <= ReactionLimitMs, "opened " + ms + " ms after the first sample showed the change");
        }

        [TestMethod]
        public void NoEvIsStateAWithStaticPlusTwelveVoltsAndOpenContactor()
        {
            ChargeRig rig = new ChargeRig();
            rig.RunMs(50);

            AssertState(IecState.A, rig);
            Assert.AreEqual(1.0, rig.Pwm.DutyCycle);
            Assert.IsTrue(rig.Pwm.IsRunning);
            Assert.IsFalse(rig.Coil.State);
        }

        [TestMethod]
        public void PluggedButUnauthorizedEvSeesB1WithoutPwm()
        {
            ChargeRig rig = new ChargeRig();
            rig.Ev.EvState = EvPilotState.B;
            rig.RunMs(100);

            AssertState(IecState.B1, rig);
            Assert.IsFalse(rig.Controller.PwmOfferActive);
            Assert.AreEqual(0, rig.Controller.OfferDa);
        }

        [TestMethod]
        public void AuthorizationStartsThePwmOfferForTheCableRating()
        {
            ChargeRig rig = new ChargeRig();
            rig.Ev.EvState = EvPilotState.B;
            rig.RunMs(50);
            rig.Controller.SetAuthorized(true);
            rig.Tick();

            AssertState(IecState.B2, rig);
            // 32 A cable, 32 A configured: 53.3 % rounded down (Table A.7).
            Assert.AreEqual(533, rig.Controller.DutyPermille);
            Assert.IsTrue(System.Math.Abs(rig.Pwm.DutyCycle - 0.533) < 0.0005, "duty " + rig.Pwm.DutyCycle.ToString("F4"));
            Assert.AreEqual(319, rig.Controller.OfferDa);
            Assert.IsTrue(rig.Events.SawTransition(IecState.B1, IecState.B2));
        }

        [TestMethod]
        public void EvRequestingChargeWithAuthorizationClosesWithinThreeSeconds()
        {
            ChargeRig rig = new ChargeRig();
            rig.Ev.EvState = EvPilotState.B;
            rig.RunMs(50);
            rig.Controller.SetAuthorized(true);
            rig.RunMs(50);
            rig.Ev.EvState = EvPilotState.C;
            int ticks = rig.TicksUntilCoil(true, 300);

            Assert.IsTrue(ticks > 0 && (ticks - 1) * ChargeRig.TickMs <= 3000, "closed after " + ticks + " ticks");
            rig.RunMs(100);
            AssertState(IecState.C2, rig);
            Assert.IsTrue(rig.Controller.ContactorFeedbackClosed);
            Assert.AreEqual(0, rig.Controller.ActiveFaultCount);
        }

        [TestMethod]
        public void EvInCBeforeAuthorizationIsC1AndClosesOnceAuthorized()
        {
            ChargeRig rig = new ChargeRig();
            rig.Ev.EvState = EvPilotState.C;
            rig.RunMs(100);
            AssertState(IecState.C1, rig);
            Assert.IsFalse(rig.Coil.State);

            rig.Controller.SetAuthorized(true);
            int ticks = rig.TicksUntilCoil(true, 300);

            Assert.IsTrue(ticks > 0 && (ticks - 1) * ChargeRig.TickMs <= 3000);
            AssertState(IecState.C2, rig);
        }

        [TestMethod]
        public void LeavingCOpensTheContactorWithinThirtyMillisecondsOfTheFirstSample()
        {
            EvPilotState[] next = { EvPilotState.B, EvPilotState.A, EvPilotState.E, EvPilotState.F };
            for (int i = 0; i < next.Length; i++)
            {
                ChargeRig rig = new ChargeRig();
                rig.StartCharging();
                Assert.IsTrue(rig.Coil.State, "charging before the EV leaves C");

                rig.Ev.EvState = next[i];

                AssertReaction(rig.TicksUntilCoil(false, 20));
            }
        }

        [TestMethod]
        public void YankedCableDuringChargeOpensAtOnceEndsTheSessionAndNeedsNewAuthorization()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.Ev.EvState = EvPilotState.A;
            rig.Cable.Unplug();

            AssertReaction(rig.TicksUntilCoil(false, 10));
            rig.RunMs(100);
            AssertState(IecState.A, rig);
            Assert.IsFalse(rig.Controller.Authorized);

            rig.Cable.Plug(220);
            rig.Ev.EvState = EvPilotState.C;
            rig.RunMs(500);
            AssertState(IecState.C1, rig);
            Assert.IsFalse(rig.Coil.State);
        }

        [TestMethod]
        public void ShortedPilotRaisesPilotShortFaultAndHoldsStateF()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.Ev.EvState = EvPilotState.E;
            rig.RunMs(30);

            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.PilotShort));
            AssertState(IecState.F, rig);
            Assert.AreEqual(0.0, rig.Pwm.DutyCycle);
        }

        [TestMethod]
        public void StateDChargesOnlyWhenVentilationIsAllowed()
        {
            ChargeRig refused = new ChargeRig();
            refused.Ev.EvState = EvPilotState.B;
            refused.RunMs(50);
            refused.Controller.SetAuthorized(true);
            refused.Ev.EvState = EvPilotState.D;
            refused.RunMs(500);
            AssertState(IecState.D1, refused);
            Assert.IsFalse(refused.Coil.State);

            ChargeControlConfig config = new ChargeControlConfig();
            config.Charging.AllowVentilation = true;
            ChargeRig allowed = new ChargeRig(config, 2);
            allowed.Ev.EvState = EvPilotState.B;
            allowed.RunMs(50);
            allowed.Controller.SetAuthorized(true);
            allowed.Ev.EvState = EvPilotState.D;
            allowed.RunMs(500);
            AssertState(IecState.D2, allowed);
            Assert.IsTrue(allowed.Coil.State);
        }

        [TestMethod]
        public void NormalStopWithdrawsPwmFirstThenOpensWhenTheEvGoesToB()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.Controller.RequestStop();
            rig.Tick();

            Assert.AreEqual(1.0, rig.Pwm.DutyCycle);
            AssertState(IecState.C1, rig);
            Assert.IsTrue(rig.Coil.State, "a normal stop must not break load before the EV has dropped its current");

            rig.RunMs(1000);
            Assert.IsTrue(rig.Coil.State);
            rig.Ev.EvState = EvPilotState.B;
            AssertReaction(rig.TicksUntilCoil(false, 10));
            AssertState(IecState.B1, rig);
        }

        [TestMethod]
        public void DeauthorizationIsANormalStop()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.Controller.SetAuthorized(false);
            rig.Tick();

            Assert.IsFalse(rig.Controller.PwmOfferActive);
            Assert.IsTrue(rig.Coil.State);
            Assert.IsTrue(rig.Controller.StateMachine.Stopping);
        }

        [TestMethod]
        public void EvThatNeverLeavesCAfterStopIsCutOffAfterTheThreeSecondGrace()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.Controller.RequestStop();
            rig.Tick();
            long stopMs = rig.NowMs;

            int ticks = rig.TicksUntilCoil(false, 700);
            long openedAfterMs = rig.NowMs - stopMs;

            Assert.IsTrue(ticks > 0);
            Assert.IsTrue(openedAfterMs >= 3000 && openedAfterMs <= 3010, "opened " + openedAfterMs + " ms after the stop");
            AssertState(IecState.C1, rig);
            Assert.IsTrue(rig.Log.Contains("EV still in C when the stop grace ran out"));
        }

        [TestMethod]
        public void C1PowerOffIsForcedAfterSixSecondsEvenWithALongerConfiguredGrace()
        {
            ChargeControlConfig config = new ChargeControlConfig();
            config.Charging.StopGraceMs = 20000;
            ChargeRig rig = new ChargeRig(config, 2);
            rig.StartCharging();
            rig.Controller.RequestStop();
            rig.Tick();
            long stopMs = rig.NowMs;

            rig.TicksUntilCoil(false, 1000);

            // IEC 61851-1 Table A.6, sequence 10.2: power off within 6 s of C1.
            long after = rig.NowMs - stopMs;
            Assert.IsTrue(after >= 5990 && after <= 6010, "opened " + after + " ms after the stop");
        }

        [TestMethod]
        public void NormalStopOpensEarlyOnceTheMeterShowsTheEvDroppedItsCurrent()
        {
            ChargeRig rig = new ChargeRig();
            rig.MeterReporting = true;
            rig.EvCurrentA = 30.0;
            rig.StartCharging();
            rig.Controller.RequestStop();
            rig.RunMs(500);
            Assert.IsTrue(rig.Coil.State);

            rig.EvCurrentA = 0.3;
            int ticks = rig.TicksUntilCoil(false, 10);

            Assert.IsTrue(ticks >= 1 && ticks <= 2, "opened after " + ticks + " ticks");
            Assert.IsTrue(rig.Log.Contains("EV dropped its current"));
        }

        [TestMethod]
        public void OfferBelowSixAmperesPausesWithoutPwmAndResumes()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.Controller.SetExternalLimitA(5.0);
            rig.Tick();
            Assert.IsFalse(rig.Controller.PwmOfferActive);
            AssertState(IecState.C1, rig);
            rig.RunMs(3100);
            Assert.IsFalse(rig.Coil.State);

            rig.Controller.SetExternalLimitA(10.0);
            rig.RunMs(100);

            AssertState(IecState.C2, rig);
            Assert.IsTrue(rig.Coil.State);
            Assert.AreEqual(99, rig.Controller.OfferDa);
        }

        [TestMethod]
        public void AfterAFaultThePilotIsHeldInFForTheHoldTimeThenReturns()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.EmergencyStop.Level = true;
            rig.Tick();
            long faultMs = rig.NowMs;
            Assert.IsFalse(rig.Coil.State);
            Assert.AreEqual(0.0, rig.Pwm.DutyCycle);
            AssertState(IecState.F, rig);

            rig.TicksUntilDutyLeaves(0.0, 100);

            Assert.AreEqual(300L, rig.NowMs - faultMs);
            Assert.AreEqual(1.0, rig.Pwm.DutyCycle);
            rig.RunMs(50);
            AssertState(IecState.C1, rig);
        }

        [TestMethod]
        public void InvalidPilotVoltageNeverEnergises()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.Ev.SetPilotVoltage(7500, -12000);

            AssertReaction(rig.TicksUntilCoil(false, 10));
            Assert.AreEqual((int)PilotLevel.Invalid, (int)rig.Controller.PilotLevel);
            AssertState(IecState.Invalid, rig);
        }
    }
}
