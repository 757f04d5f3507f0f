using Charger.Firmware.Charging;
using Charger.Firmware.Runtime;
using Charger.Firmware.Safety;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

public class SafetySupervisorTests
{
    private const int ReactionLimitMs = 30;

    [Fact]
    public void RcdTripDuringChargeOpensInTheSameTickAndIsReported()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Rcd.Level = true;
        int ticks = rig.TicksUntil(() => !rig.Coil.State, 5);
        Assert.Equal(1, ticks);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.RcdTrip));
        var raised = Assert.Single(rig.Events.Raised);
        Assert.Equal(FaultCode.RcdTrip, raised.Code);
        Assert.Contains("residual current", raised.Reason);
        Assert.False(raised.Latched);
        Assert.True(rig.Log.Contains("fault RcdTrip"));
        Assert.True(rig.Log.Contains("5 min"));
    }

    [Fact]
    public void RcdTripWhileTheContactorIsClosingOpensItBeforeConfirmation()
    {
        var rig = new ChargerRig();
        rig.ContactorModel.OperateMs = 100;
        rig.Ev.EvState = EvPilotState.B;
        rig.RunMs(50);
        rig.Controller.SetAuthorized(true);
        rig.RunMs(50);
        rig.Ev.EvState = EvPilotState.C;
        rig.TicksUntil(() => rig.Coil.State, 100);
        Assert.False(rig.Aux.Level);
        rig.Rcd.Level = true;
        rig.Tick();
        Assert.False(rig.Coil.State);
        rig.RunMs(500);
        Assert.False(rig.Aux.Level);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.ContactorStuckOpen));
        Assert.True(rig.Controller.IsFaultActive(FaultCode.RcdTrip));
    }

    [Fact]
    public void RcdRetriesAfterFiveMinutesThreeTimesThenLatchesForManualReset()
    {
        var rig = new ChargerRig(c => c.Safety.FaultHoldMs = SafetySettings.MinFaultHoldMs);
        rig.Ev.EvState = EvPilotState.B;
        rig.RunMs(50);
        // Issue 12 item 4: at most 3 automatic retries (it was 6).
        for (int trip = 1; trip <= 3; trip++)
        {
            rig.Rcd.Level = true;
            rig.Tick();
            Assert.True(rig.Controller.IsFaultActive(FaultCode.RcdTrip));
            rig.Rcd.Level = false;
            rig.RunMs(5 * 60 * 1000 - 20);
            Assert.True(rig.Controller.IsFaultActive(FaultCode.RcdTrip), $"trip {trip} cleared before 5 min");
            rig.RunMs(20);
            Assert.False(rig.Controller.IsFaultActive(FaultCode.RcdTrip), $"trip {trip} not retried at 5 min");
        }

        rig.Rcd.Level = true;
        rig.Tick();
        rig.Rcd.Level = false;
        rig.RunMs(10 * 60 * 1000);
        Assert.True(rig.Controller.Safety.IsLatched(FaultCode.RcdTrip));
        Assert.True(rig.Events.Raised[^1].Latched);
        Assert.Equal(FaultClearResult.Cleared, rig.Controller.ClearFault(FaultCode.RcdTrip, false));
        Assert.Equal(0, rig.Controller.Safety.GetRetryCount(FaultCode.RcdTrip));
    }

    [Fact]
    public void RcdStillTrippedAtRetryTimeIsNotCleared()
    {
        var rig = new ChargerRig();
        rig.Rcd.Level = true;
        rig.RunMs(6 * 60 * 1000);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.RcdTrip));
        Assert.Equal(FaultClearResult.ConditionPresent, rig.Controller.ClearFault(FaultCode.RcdTrip, false));
        rig.Rcd.Level = false;
        rig.Tick();
        Assert.False(rig.Controller.IsFaultActive(FaultCode.RcdTrip));
    }

    [Fact]
    public void EmergencyStopOpensAtOnceAndNeedsReleaseAndManualReset()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.EmergencyStop.Level = true;
        rig.Tick();
        Assert.False(rig.Coil.State);
        Assert.Equal(FaultClearResult.ConditionPresent, rig.Controller.ClearFault(FaultCode.EmergencyStop, false));
        rig.EmergencyStop.Level = false;
        rig.RunMs(60000);
        Assert.True(rig.Controller.Safety.IsLatched(FaultCode.EmergencyStop));
        Assert.False(rig.Coil.State);
        Assert.Equal(FaultClearResult.Cleared, rig.Controller.ClearFault(FaultCode.EmergencyStop, false));
        Assert.Equal(FaultClearResult.NotActive, rig.Controller.ClearFault(FaultCode.EmergencyStop, false));
        rig.RunMs(100);
        Assert.True(rig.Coil.State);
    }

    [Fact]
    public void EmergencyStopPolarityIsConfigurable()
    {
        var rig = new ChargerRig(c => c.Safety.EmergencyStopPressedWhenHigh = false);
        rig.EmergencyStop.Level = true;
        rig.RunMs(50);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.EmergencyStop));
        rig.EmergencyStop.Level = false;
        rig.Tick();
        Assert.True(rig.Controller.IsFaultActive(FaultCode.EmergencyStop));
    }

    [Fact]
    public void DiodeFaultMidSessionOpensWithinTheLimitAndClearsOnlyWhenUnplugged()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Ev.DiodePresent = false;
        int ticks = rig.TicksUntil(() => !rig.Coil.State, 10);
        Assert.InRange((ticks - 1) * ChargerRig.TickMs, 0, ReactionLimitMs);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.DiodeFault));
        rig.RunMs(60000);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.DiodeFault));
        Assert.False(rig.Controller.PwmOfferActive);

        rig.Ev.EvState = EvPilotState.A;
        rig.Ev.DiodePresent = true;
        rig.RunMs(50);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.DiodeFault));
        Assert.Contains(rig.Events.Cleared, c => c.Code == FaultCode.DiodeFault && c.How == "EV unplugged");
    }

    [Fact]
    public void OverCurrentAboveOfferPlusTenPercentPlusHalfAmpForMoreThanSevenSecondsStops()
    {
        var rig = new ChargerRig(c => c.Charging.MaxCurrentDa = 160);
        rig.StartCharging();
        Assert.Equal(159, rig.Controller.OfferDa);
        // 15.9 A × 1.1 + 0.5 A = 17.99 A → 18.0 A is over.
        rig.EvCurrentA = 18.0;
        rig.RunMs(7000);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.OverCurrent));
        Assert.True(rig.Coil.State);
        rig.RunMs(20);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.OverCurrent));
        Assert.False(rig.Coil.State);
    }

    [Fact]
    public void CurrentWithinTheToleranceNeverTrips()
    {
        var rig = new ChargerRig(c => c.Charging.MaxCurrentDa = 160);
        rig.StartCharging();
        rig.EvCurrentA = 17.9;
        rig.RunMs(20000);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.OverCurrent));
        Assert.True(rig.Coil.State);
    }

    [Fact]
    public void ShortOverCurrentBurstsBelowSevenSecondsDoNotTrip()
    {
        var rig = new ChargerRig(c => c.Charging.MaxCurrentDa = 160);
        rig.StartCharging();
        for (int i = 0; i < 5; i++)
        {
            // 19 A on a 15.9 A offer: over the slow stage's margin, under the fast stage's 125 % + 0.5 A.
            rig.EvCurrentA = 19.0;
            rig.RunMs(6000);
            rig.EvCurrentA = 10.0;
            rig.RunMs(100);
        }

        Assert.False(rig.Controller.IsFaultActive(FaultCode.OverCurrent));
    }

    [Fact]
    public void EvFollowingAReducedOfferWithinItsFiveSecondsIsNotAnOverCurrent()
    {
        var rig = new ChargerRig();
        rig.EvCurrentA = 31.0;
        rig.StartCharging();
        rig.Controller.SetExternalLimitA(10.0);
        // IEC 61851-1: the EV has 5 s to follow a lower duty cycle.
        rig.RunMs(4990);
        rig.EvCurrentA = 9.5;
        rig.RunMs(10000);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.OverCurrent));
        Assert.True(rig.Coil.State);
    }

    [Fact]
    public void UnhealthyMeterStopsChargingAndClearsWhenHealthyAgain()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Controller.ReportMeter(rig.NowMs, false, 0, 0, 0);
        rig.Tick();
        Assert.True(rig.Controller.IsFaultActive(FaultCode.MeterFault));
        Assert.False(rig.Coil.State);
        rig.Controller.ReportMeter(rig.NowMs, true, 0, 0, 0);
        rig.Tick();
        Assert.False(rig.Controller.IsFaultActive(FaultCode.MeterFault));
    }

    [Fact]
    public void RequiredMeterThatStopsReportingIsAFault()
    {
        var rig = new ChargerRig(c => c.Safety.MeterRequired = true);
        rig.EvCurrentA = 0;
        rig.StartCharging();
        Assert.True(rig.Coil.State);
        rig.EvCurrentA = null;
        rig.RunMs(5000);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.MeterFault));
        rig.RunMs(20);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.MeterFault));
        Assert.Contains(rig.Events.Raised, r => r.Reason == "energy meter not reporting");
    }

    [Fact]
    public void DamagedCableIsACableFaultUntilUnplugged()
    {
        var rig = new ChargerRig();
        rig.Cable.Plug(4000);
        rig.Ev.EvState = EvPilotState.B;
        rig.Controller.SetAuthorized(true);
        rig.RunMs(100);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.CableFault));
        Assert.False(rig.Controller.PwmOfferActive);
        rig.Cable.Unplug();
        rig.Ev.EvState = EvPilotState.A;
        // The pilot reads A once the 300 ms state-F hold has ended.
        rig.RunMs(500);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.CableFault));
        Assert.Contains(rig.Events.Cleared, c => c.Code == FaultCode.CableFault && c.How == "EV unplugged");
    }

    [Fact]
    public void PilotShortRetriesAfterTenSecondsWhenThePilotIsHealthy()
    {
        var rig = new ChargerRig();
        rig.Ev.EvState = EvPilotState.E;
        rig.RunMs(50);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.PilotShort));
        rig.Ev.EvState = EvPilotState.B;
        rig.RunMs(9000);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.PilotShort));
        rig.RunMs(1100);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.PilotShort));
    }

    private sealed class ThrowingStage : ITickStage
    {
        public string Name => "broken";

        public void Tick(long nowMs) => throw new System.InvalidOperationException("index out of range in broken stage");
    }

    [Fact]
    public void AStageThatThrowsDrivesTheOutputsSafeAndLatchesAnInternalFailure()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Runtime.AddStage(new ThrowingStage());
        rig.Tick();
        Assert.False(rig.Coil.State);
        Assert.Equal(0.0, rig.Pwm.DutyCycle);
        Assert.True(rig.Controller.Safety.IsLatched(FaultCode.InternalFailure));
        Assert.Contains(rig.Events.Raised, r => r.Code == FaultCode.InternalFailure && r.Reason.Contains("broken"));
    }

    [Fact]
    public void ActiveFaultsAreListedWithReasonsAndPolicies()
    {
        var rig = new ChargerRig();
        rig.Rcd.Level = true;
        rig.EmergencyStop.Level = true;
        rig.Tick();
        var buffer = new FaultCode[12];
        int n = rig.Controller.GetActiveFaults(buffer);
        Assert.Equal(2, n);
        Assert.Equal(FaultCode.RcdTrip, buffer[0]);
        Assert.Equal(FaultCode.EmergencyStop, buffer[1]);
        Assert.Equal("emergency stop pressed", rig.Controller.Safety.GetReason(FaultCode.EmergencyStop));
        Assert.Equal(LatchPolicy.AutoRetry, rig.Controller.Safety.GetPolicy(FaultCode.RcdTrip).Latch);
        Assert.Equal(300000, rig.Controller.Safety.GetPolicy(FaultCode.RcdTrip).RetryDelayMs);
        Assert.Equal(3, rig.Controller.Safety.GetPolicy(FaultCode.RcdTrip).MaxRetries);
        rig.Rcd.Level = false;
        rig.EmergencyStop.Level = false;
        rig.Tick();
        Assert.Equal(2, rig.Controller.ClearAllFaults(false));
        Assert.Equal(0, rig.Controller.ActiveFaultCount);
    }

    private sealed class ThrowingEvents : IChargerEvents
    {
        public void FaultRaised(FaultCode code, string reason, bool latched, long nowMs) => throw new System.Exception("subscriber down");
        public void FaultCleared(FaultCode code, string how, long nowMs) => throw new System.Exception("subscriber down");
        public void StateChanged(IecState previous, IecState current, long nowMs) => throw new System.Exception("subscriber down");
    }

    [Fact]
    public void AThrowingEventSubscriberIsLoggedAndDoesNotStopTheSafetyPath()
    {
        var rig = new ChargerRig();
        rig.Controller.AddEventSink(new ThrowingEvents());
        rig.StartCharging();
        rig.Rcd.Level = true;
        rig.Tick();
        Assert.False(rig.Coil.State);
        Assert.Contains(rig.Events.Raised, r => r.Code == FaultCode.RcdTrip);
        Assert.True(rig.Log.Contains("event subscriber failed: subscriber down"));
    }
}
