using Charger.Firmware.Charging;
using Charger.Firmware.Pilot;
using Charger.Firmware.Safety;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>IEC 61851-1 Annex A states and transitions, with the reaction limits of issue 3.</summary>
public class StateMachineTests
{
    private const int ReactionLimitMs = 30;

    [Fact]
    public void NoEvIsStateAWithStaticPlusTwelveVoltsAndOpenContactor()
    {
        var rig = new ChargerRig();
        rig.RunMs(50);
        Assert.Equal(IecState.A, rig.Controller.State);
        Assert.Equal(1.0, rig.Pwm.DutyCycle);
        Assert.True(rig.Pwm.IsRunning);
        Assert.False(rig.Coil.State);
    }

    [Fact]
    public void PluggedButUnauthorizedEvSeesB1WithoutPwm()
    {
        var rig = new ChargerRig();
        rig.Ev.EvState = EvPilotState.B;
        rig.RunMs(100);
        Assert.Equal(IecState.B1, rig.Controller.State);
        Assert.False(rig.Controller.PwmOfferActive);
        Assert.Equal(0, rig.Controller.OfferDa);
    }

    [Fact]
    public void AuthorizationStartsThePwmOfferForTheCableRating()
    {
        var rig = new ChargerRig();
        rig.Ev.EvState = EvPilotState.B;
        rig.RunMs(50);
        rig.Controller.SetAuthorized(true);
        rig.Tick();
        Assert.Equal(IecState.B2, rig.Controller.State);
        // 32 A cable, 32 A configured: 53.3 % rounded down.
        Assert.Equal(0.533, rig.Pwm.DutyCycle, 3);
        Assert.Equal(319, rig.Controller.OfferDa);
        Assert.Contains(rig.Events.States, s => s.From == IecState.B1 && s.To == IecState.B2);
    }

    [Fact]
    public void EvRequestingChargeWithAuthorizationClosesWithinThreeSeconds()
    {
        var rig = new ChargerRig();
        rig.Ev.EvState = EvPilotState.B;
        rig.RunMs(50);
        rig.Controller.SetAuthorized(true);
        rig.RunMs(50);
        rig.Ev.EvState = EvPilotState.C;
        int ticks = rig.TicksUntil(() => rig.Coil.State, 300);
        Assert.InRange((ticks - 1) * ChargerRig.TickMs, 0, 3000);
        rig.RunMs(100);
        Assert.Equal(IecState.C2, rig.Controller.State);
        Assert.True(rig.Controller.ContactorFeedbackClosed);
        Assert.Equal(0, rig.Controller.ActiveFaultCount);
    }

    [Fact]
    public void EvInCBeforeAuthorizationIsC1AndClosesOnceAuthorized()
    {
        var rig = new ChargerRig();
        rig.Ev.EvState = EvPilotState.C;
        rig.RunMs(100);
        Assert.Equal(IecState.C1, rig.Controller.State);
        Assert.False(rig.Coil.State);
        rig.Controller.SetAuthorized(true);
        int ticks = rig.TicksUntil(() => rig.Coil.State, 300);
        Assert.True(ticks > 0 && (ticks - 1) * ChargerRig.TickMs <= 3000);
        Assert.Equal(IecState.C2, rig.Controller.State);
    }

    [Theory]
    [InlineData(EvPilotState.B)]
    [InlineData(EvPilotState.A)]
    [InlineData(EvPilotState.E)]
    [InlineData(EvPilotState.F)]
    public void LeavingCOpensTheContactorWithinThirtyMillisecondsOfTheFirstSample(EvPilotState next)
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        Assert.True(rig.Coil.State);
        rig.Ev.EvState = next;
        // Tick 1 takes the first samples that show the change.
        int ticks = rig.TicksUntil(() => !rig.Coil.State, 20);
        Assert.True(ticks > 0, "contactor never opened");
        Assert.InRange((ticks - 1) * ChargerRig.TickMs, 0, ReactionLimitMs);
    }

    [Fact]
    public void YankedCableDuringChargeOpensAtOnceEndsTheSessionAndNeedsNewAuthorization()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Ev.EvState = EvPilotState.A;
        rig.Cable.Unplug();
        int ticks = rig.TicksUntil(() => !rig.Coil.State, 10);
        Assert.InRange((ticks - 1) * ChargerRig.TickMs, 0, ReactionLimitMs);
        rig.RunMs(100);
        Assert.Equal(IecState.A, rig.Controller.State);
        Assert.False(rig.Controller.Authorized);

        rig.Cable.Plug(220);
        rig.Ev.EvState = EvPilotState.C;
        rig.RunMs(500);
        Assert.Equal(IecState.C1, rig.Controller.State);
        Assert.False(rig.Coil.State);
    }

    [Fact]
    public void ShortedPilotRaisesPilotShortFaultAndHoldsStateF()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Ev.EvState = EvPilotState.E;
        rig.RunMs(30);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.PilotShort));
        Assert.Equal(IecState.F, rig.Controller.State);
        Assert.Equal(0.0, rig.Pwm.DutyCycle);
    }

    [Fact]
    public void StateDChargesOnlyWhenVentilationIsAllowed()
    {
        var refused = new ChargerRig();
        refused.Ev.EvState = EvPilotState.B;
        refused.RunMs(50);
        refused.Controller.SetAuthorized(true);
        refused.Ev.EvState = EvPilotState.D;
        refused.RunMs(500);
        Assert.Equal(IecState.D1, refused.Controller.State);
        Assert.False(refused.Coil.State);

        var allowed = new ChargerRig(c => c.Charging.AllowVentilation = true);
        allowed.Ev.EvState = EvPilotState.B;
        allowed.RunMs(50);
        allowed.Controller.SetAuthorized(true);
        allowed.Ev.EvState = EvPilotState.D;
        allowed.RunMs(500);
        Assert.Equal(IecState.D2, allowed.Controller.State);
        Assert.True(allowed.Coil.State);
    }

    [Fact]
    public void NormalStopWithdrawsPwmFirstThenOpensWhenTheEvGoesToB()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Controller.RequestStop();
        rig.Tick();
        Assert.Equal(1.0, rig.Pwm.DutyCycle);
        Assert.Equal(IecState.C1, rig.Controller.State);
        Assert.True(rig.Coil.State, "a normal stop must not break load before the EV has dropped its current");

        rig.RunMs(1000);
        Assert.True(rig.Coil.State);
        rig.Ev.EvState = EvPilotState.B;
        int ticks = rig.TicksUntil(() => !rig.Coil.State, 10);
        Assert.InRange((ticks - 1) * ChargerRig.TickMs, 0, ReactionLimitMs);
        Assert.Equal(IecState.B1, rig.Controller.State);
    }

    [Fact]
    public void DeauthorizationIsANormalStop()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Controller.SetAuthorized(false);
        rig.Tick();
        Assert.False(rig.Controller.PwmOfferActive);
        Assert.True(rig.Coil.State);
        Assert.True(rig.Controller.StateMachine.Stopping);
    }

    [Fact]
    public void EvThatNeverLeavesCAfterStopIsCutOffAfterTheThreeSecondGrace()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Controller.RequestStop();
        rig.Tick();
        long stopMs = rig.NowMs;
        int ticks = rig.TicksUntil(() => !rig.Coil.State, 700);
        long openedAfterMs = rig.NowMs - stopMs;
        Assert.True(ticks > 0);
        Assert.InRange(openedAfterMs, 3000, 3010);
        Assert.Equal(IecState.C1, rig.Controller.State);
        Assert.True(rig.Log.Contains("EV still in C when the stop grace ran out"));
    }

    [Fact]
    public void C1PowerOffIsForcedAfterSixSecondsEvenWithALongerConfiguredGrace()
    {
        var rig = new ChargerRig(c => c.Charging.StopGraceMs = 20000);
        rig.StartCharging();
        rig.Controller.RequestStop();
        rig.Tick();
        long stopMs = rig.NowMs;
        rig.TicksUntil(() => !rig.Coil.State, 1000);
        // IEC 61851-1 Table A.6, sequence 10.2: power off within 6 s of C1.
        Assert.InRange(rig.NowMs - stopMs, 5990, 6010);
    }

    [Fact]
    public void NormalStopOpensEarlyOnceTheMeterShowsTheEvDroppedItsCurrent()
    {
        var rig = new ChargerRig();
        rig.EvCurrentA = 30.0;
        rig.StartCharging();
        rig.Controller.RequestStop();
        rig.RunMs(500);
        Assert.True(rig.Coil.State);
        rig.EvCurrentA = 0.3;
        int ticks = rig.TicksUntil(() => !rig.Coil.State, 10);
        Assert.InRange(ticks, 1, 2);
        Assert.True(rig.Log.Contains("EV dropped its current"));
    }

    [Fact]
    public void OfferBelowSixAmperesPausesWithoutPwmAndResumes()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Controller.SetExternalLimitA(5.0);
        rig.Tick();
        Assert.False(rig.Controller.PwmOfferActive);
        Assert.Equal(IecState.C1, rig.Controller.State);
        rig.RunMs(3100);
        Assert.False(rig.Coil.State);

        rig.Controller.SetExternalLimitA(10.0);
        rig.RunMs(100);
        Assert.Equal(IecState.C2, rig.Controller.State);
        Assert.True(rig.Coil.State);
        Assert.Equal(99, rig.Controller.OfferDa);
    }

    [Fact]
    public void AfterAFaultThePilotIsHeldInFForTheHoldTimeThenReturnsToB1()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.EmergencyStop.Level = true;
        rig.Tick();
        long faultMs = rig.NowMs;
        Assert.False(rig.Coil.State);
        Assert.Equal(0.0, rig.Pwm.DutyCycle);
        Assert.Equal(IecState.F, rig.Controller.State);

        rig.TicksUntil(() => rig.Pwm.DutyCycle != 0.0, 100);
        Assert.Equal(300, rig.NowMs - faultMs);
        Assert.Equal(1.0, rig.Pwm.DutyCycle);
        rig.RunMs(50);
        Assert.Equal(IecState.C1, rig.Controller.State);
    }

    [Fact]
    public void FaultHoldTimeIsConfigurable()
    {
        var rig = new ChargerRig(c => c.Safety.FaultHoldMs = 1000);
        rig.StartCharging();
        rig.Rcd.Level = true;
        rig.Tick();
        long faultMs = rig.NowMs;
        rig.TicksUntil(() => rig.Pwm.DutyCycle != 0.0, 200);
        Assert.Equal(1000, rig.NowMs - faultMs);
    }

    [Fact]
    public void InvalidPilotVoltageNeverEnergises()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Ev.SetPilotVoltage(7500, -12000);
        int ticks = rig.TicksUntil(() => !rig.Coil.State, 10);
        Assert.InRange((ticks - 1) * ChargerRig.TickMs, 0, ReactionLimitMs);
        Assert.Equal(PilotLevel.Invalid, rig.Controller.PilotLevel);
        Assert.Equal(IecState.Invalid, rig.Controller.State);
    }
}
