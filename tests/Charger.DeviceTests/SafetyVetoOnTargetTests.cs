using Charger.Firmware.Charging;
using Charger.Firmware.Control;
using Charger.Firmware.Runtime;
using Charger.Firmware.Safety;
using Charger.Hal.Sim.Pilot;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// The safety supervisor's vetoes on the board's CLR: RCD, emergency stop, diode, over-current,
    /// meter, cable, a throwing stage; each opens the contactor within the limit, is reported with
    /// its reason and recovers by its own rule. Mirrors tests/Charger.Firmware.Tests/ChargeControl/SafetySupervisorTests.
    /// </summary>
    /// <remarks>Fault codes and results are compared as numbers; every test builds its own rig.</remarks>
    [TestClass]
    public class SafetyVetoOnTargetTests
    {
        private const int ReactionLimitMs = 30;

        private static ChargeRig RigWith16A()
        {
            ChargeControlConfig config = new ChargeControlConfig();
            config.Charging.MaxCurrentDa = 160;
            return new ChargeRig(config, 2);
        }

        [TestMethod]
        public void RcdTripDuringChargeOpensInTheSameTickAndIsReported()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.Rcd.Level = true;

            Assert.AreEqual(1, rig.TicksUntilCoil(false, 5));
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.RcdTrip));
            Assert.AreEqual(1, rig.Events.RaisedCount);
            Assert.AreEqual((int)FaultCode.RcdTrip, (int)rig.Events.RaisedCode(0));
            Assert.IsTrue(rig.Events.RaisedReason(0).IndexOf("residual current") >= 0, rig.Events.RaisedReason(0));
            Assert.IsFalse(rig.Events.RaisedLatched(0));
            Assert.IsTrue(rig.Log.Contains("5 min"), "the log says how the fault recovers");
        }

        [TestMethod]
        public void RcdTripWhileTheContactorIsClosingOpensItBeforeConfirmation()
        {
            ChargeRig rig = new ChargeRig();
            rig.Contactor.OperateMs = 100;
            rig.Ev.EvState = EvPilotState.B;
            rig.RunMs(50);
            rig.Controller.SetAuthorized(true);
            rig.RunMs(50);
            rig.Ev.EvState = EvPilotState.C;
            rig.TicksUntilCoil(true, 100);
            Assert.IsFalse(rig.Aux.Level, "still closing");

            rig.Rcd.Level = true;
            rig.Tick();
            Assert.IsFalse(rig.Coil.State);
            rig.RunMs(500);

            Assert.IsFalse(rig.Aux.Level);
            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.ContactorStuckOpen));
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.RcdTrip));
        }

        [TestMethod]
        public void RcdStillTrippedAtRetryTimeIsNotCleared()
        {
            ChargeRig rig = new ChargeRig();
            rig.Rcd.Level = true;
            rig.RunMs(6 * 60 * 1000);

            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.RcdTrip));
            Assert.AreEqual((int)FaultClearResult.ConditionPresent, (int)rig.Controller.ClearFault(FaultCode.RcdTrip, false));
            rig.Rcd.Level = false;
            rig.Tick();
            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.RcdTrip));
        }

        [TestMethod]
        public void EmergencyStopOpensAtOnceAndNeedsReleaseAndManualReset()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.EmergencyStop.Level = true;
            rig.Tick();
            Assert.IsFalse(rig.Coil.State);
            Assert.AreEqual((int)FaultClearResult.ConditionPresent, (int)rig.Controller.ClearFault(FaultCode.EmergencyStop, false));

            rig.EmergencyStop.Level = false;
            rig.RunMs(60000);
            Assert.IsTrue(rig.Controller.Safety.IsLatched(FaultCode.EmergencyStop));
            Assert.IsFalse(rig.Coil.State);

            Assert.AreEqual((int)FaultClearResult.Cleared, (int)rig.Controller.ClearFault(FaultCode.EmergencyStop, false));
            Assert.AreEqual((int)FaultClearResult.NotActive, (int)rig.Controller.ClearFault(FaultCode.EmergencyStop, false));
            rig.RunMs(100);
            Assert.IsTrue(rig.Coil.State);
        }

        [TestMethod]
        public void DiodeFaultMidSessionOpensWithinTheLimitAndClearsOnlyWhenUnplugged()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.Ev.DiodePresent = false;
            int ticks = rig.TicksUntilCoil(false, 10);

            Assert.IsTrue(ticks > 0 && (ticks - 1) * ChargeRig.TickMs <= ReactionLimitMs, "opened after " + ticks + " ticks");
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.DiodeFault));
            rig.RunMs(60000);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.DiodeFault));
            Assert.IsFalse(rig.Controller.PwmOfferActive);

            rig.Ev.EvState = EvPilotState.A;
            rig.Ev.DiodePresent = true;
            rig.RunMs(50);
            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.DiodeFault));
            Assert.IsTrue(rig.Events.WasCleared(FaultCode.DiodeFault, "EV unplugged"));
        }

        [TestMethod]
        public void OverCurrentAboveOfferPlusTenPercentPlusHalfAmpForMoreThanSevenSecondsStops()
        {
            ChargeRig rig = RigWith16A();
            rig.StartCharging();
            Assert.AreEqual(159, rig.Controller.OfferDa);

            // 15.9 A x 1.1 + 0.5 A = 17.99 A, so 18.0 A is over.
            rig.MeterReporting = true;
            rig.EvCurrentA = 18.0;
            rig.RunMs(7000);
            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.OverCurrent));
            Assert.IsTrue(rig.Coil.State);
            rig.RunMs(20);

            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.OverCurrent));
            Assert.IsFalse(rig.Coil.State);
            Assert.IsTrue(rig.Events.WasRaised(FaultCode.OverCurrent, "phase current 180 dA above offer 159 dA"));
        }

        [TestMethod]
        public void CurrentWithinTheToleranceNeverTrips()
        {
            ChargeRig rig = RigWith16A();
            rig.StartCharging();
            rig.MeterReporting = true;
            rig.EvCurrentA = 17.9;
            rig.RunMs(20000);

            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.OverCurrent));
            Assert.IsTrue(rig.Coil.State);
        }

        [TestMethod]
        public void EvFollowingAReducedOfferWithinItsFiveSecondsIsNotAnOverCurrent()
        {
            ChargeRig rig = new ChargeRig();
            rig.MeterReporting = true;
            rig.EvCurrentA = 31.0;
            rig.StartCharging();
            rig.Controller.SetExternalLimitA(10.0);
            // IEC 61851-1: the EV has 5 s to follow a lower duty cycle.
            rig.RunMs(4990);
            rig.EvCurrentA = 9.5;
            rig.RunMs(10000);

            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.OverCurrent));
            Assert.IsTrue(rig.Coil.State);
        }

        [TestMethod]
        public void UnhealthyMeterStopsChargingAndClearsWhenHealthyAgain()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.Controller.ReportMeter(rig.NowMs, false, 0, 0, 0);
            rig.Tick();
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.MeterFault));
            Assert.IsFalse(rig.Coil.State);

            rig.Controller.ReportMeter(rig.NowMs, true, 0, 0, 0);
            rig.Tick();
            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.MeterFault));
        }

        [TestMethod]
        public void RequiredMeterThatStopsReportingIsAFault()
        {
            ChargeControlConfig config = new ChargeControlConfig();
            config.Safety.MeterRequired = true;
            ChargeRig rig = new ChargeRig(config, 2);
            rig.MeterReporting = true;
            rig.EvCurrentA = 0;
            rig.StartCharging();
            Assert.IsTrue(rig.Coil.State);

            rig.MeterReporting = false;
            rig.RunMs(5000);
            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.MeterFault), "stale only after 5 s");
            rig.RunMs(20);

            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.MeterFault));
            Assert.IsTrue(rig.Events.WasRaised(FaultCode.MeterFault, "energy meter not reporting"));
        }

        [TestMethod]
        public void DamagedCableIsACableFaultUntilUnplugged()
        {
            ChargeRig rig = new ChargeRig();
            rig.Cable.Plug(4000);
            rig.Ev.EvState = EvPilotState.B;
            rig.Controller.SetAuthorized(true);
            rig.RunMs(100);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.CableFault));
            Assert.IsFalse(rig.Controller.PwmOfferActive);

            rig.Cable.Unplug();
            rig.Ev.EvState = EvPilotState.A;
            // The pilot reads A once the 300 ms state-F hold has ended.
            rig.RunMs(500);
            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.CableFault));
            Assert.IsTrue(rig.Events.WasCleared(FaultCode.CableFault, "EV unplugged"));
        }

        [TestMethod]
        public void PilotShortRetriesAfterTenSecondsWhenThePilotIsHealthy()
        {
            ChargeRig rig = new ChargeRig();
            rig.Ev.EvState = EvPilotState.E;
            rig.RunMs(50);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.PilotShort));

            rig.Ev.EvState = EvPilotState.B;
            rig.RunMs(9000);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.PilotShort));
            rig.RunMs(1100);
            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.PilotShort));
        }

        [TestMethod]
        public void AStageThatThrowsDrivesTheOutputsSafeAndLatchesAnInternalFailure()
        {
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.Runtime.AddStage(new FailingStage("index out of range in broken stage"));
            rig.Tick();

            Assert.IsFalse(rig.Coil.State);
            Assert.AreEqual(0.0, rig.Pwm.DutyCycle);
            Assert.IsTrue(rig.Controller.Safety.IsLatched(FaultCode.InternalFailure));
            Assert.IsTrue(rig.Events.WasRaised(FaultCode.InternalFailure, "failing"), "the reason names the stage");
        }

        [TestMethod]
        public void ActiveFaultsAreListedWithReasonsAndPolicies()
        {
            ChargeRig rig = new ChargeRig();
            rig.Rcd.Level = true;
            rig.EmergencyStop.Level = true;
            rig.Tick();

            FaultCode[] buffer = new FaultCode[12];
            Assert.AreEqual(2, rig.Controller.GetActiveFaults(buffer));
            Assert.AreEqual((int)FaultCode.RcdTrip, (int)buffer[0]);
            Assert.AreEqual((int)FaultCode.EmergencyStop, (int)buffer[1]);
            Assert.AreEqual("emergency stop pressed", rig.Controller.Safety.GetReason(FaultCode.EmergencyStop));
            Assert.AreEqual((int)LatchPolicy.AutoRetry, (int)rig.Controller.Safety.GetPolicy(FaultCode.RcdTrip).Latch);
            Assert.AreEqual(300000, rig.Controller.Safety.GetPolicy(FaultCode.RcdTrip).RetryDelayMs);
            // At most 3 automatic RCD retries, then latch (issue 12 item 4).
            Assert.AreEqual(3, rig.Controller.Safety.GetPolicy(FaultCode.RcdTrip).MaxRetries);

            rig.Rcd.Level = false;
            rig.EmergencyStop.Level = false;
            rig.Tick();
            Assert.AreEqual(2, rig.Controller.ClearAllFaults(false));
            Assert.AreEqual(0, rig.Controller.ActiveFaultCount);
        }

        [TestMethod]
        public void AThrowingEventSubscriberIsLoggedAndDoesNotStopTheSafetyPath()
        {
            ChargeRig rig = new ChargeRig();
            rig.Controller.AddEventSink(new ThrowingChargerEvents());
            rig.StartCharging();
            rig.Rcd.Level = true;
            rig.Tick();

            Assert.IsFalse(rig.Coil.State);
            Assert.IsTrue(rig.Events.WasRaised(FaultCode.RcdTrip, "residual current"));
            Assert.IsTrue(rig.Log.Contains("event subscriber failed: subscriber down"));
        }

        [TestMethod]
        public void OverTemperatureStopsAndItsReasonCarriesTheTemperatureWithOneDecimal()
        {
            // The reason is built with double.ToString("F1"), whose output is the device's own.
            ChargeRig rig = new ChargeRig();
            rig.StartCharging();
            rig.SetTemperature(1, 71.3);
            rig.Tick();

            Assert.IsFalse(rig.Coil.State);
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.OverTemperature));
            Assert.IsTrue(rig.Events.WasRaised(FaultCode.OverTemperature, "temperature ntc1 at 71.3 "),
                "reason: " + rig.Controller.Safety.GetReason(FaultCode.OverTemperature));
        }
    }
}
