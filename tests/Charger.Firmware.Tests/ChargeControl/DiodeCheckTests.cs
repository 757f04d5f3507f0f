using System;
using Charger.Firmware.Pilot;
using Charger.Firmware.Safety;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>
/// Issue 12 item 1: the contactor closes only after a passed diode check (PWM running and a valid
/// -12 V low half for two consecutive ticks in C), in every path; item 5: DiodeFault clears only on unplug.
/// </summary>
public class DiodeCheckTests
{
    /// <summary>Ticks until the coil closes (or the limit), checking at the closing tick how long the diode check had passed.</summary>
    private static int CloseAndRecordDiodeTicks(ChargerRig rig, int maxTicks, out int diodeTicksAtClose, out int pwmTicksAtClose)
    {
        diodeTicksAtClose = -1;
        pwmTicksAtClose = 0;
        int pwmTicks = 0;
        for (int i = 1; i <= maxTicks; i++)
        {
            bool pwmBefore = rig.Pwm.IsRunning && rig.Pwm.DutyCycle > 0.0 && rig.Pwm.DutyCycle < 1.0;
            pwmTicks = pwmBefore ? pwmTicks + 1 : 0;
            rig.Tick();
            if (rig.Coil.State)
            {
                diodeTicksAtClose = rig.Controller.Pilot.DiodeCheckTicksPassed;
                pwmTicksAtClose = pwmTicks;
                return i;
            }
        }

        return -1;
    }

    [Fact]
    public void EvAlreadyInCWhenAuthorizedClosesOnlyAfterTwoTicksOfDiodeCheckUnderPwm()
    {
        var rig = new ChargerRig();
        rig.Ev.EvState = EvPilotState.C;
        rig.RunMs(100);
        Assert.False(rig.Coil.State);
        rig.Controller.SetAuthorized(true);
        int ticks = CloseAndRecordDiodeTicks(rig, 100, out int diodeTicks, out int pwmTicks);
        Assert.True(ticks > 0, "never closed");
        Assert.True(pwmTicks >= 2, $"closed after {pwmTicks} bursts with the PWM running");
        Assert.True(diodeTicks >= ControlPilot.DiodeCheckTicks, $"closed with {diodeTicks} diode-check ticks");
    }

    [Fact]
    public void FreeVendWithEvInCStillWaitsForTheDiodeCheck()
    {
        var rig = new ChargerRig(c => c.Charging.FreeVend = true);
        rig.Ev.EvState = EvPilotState.C;
        int ticks = CloseAndRecordDiodeTicks(rig, 100, out _, out int pwmTicks);
        Assert.True(ticks > 0, "never closed");
        Assert.True(pwmTicks >= 2, $"closed after {pwmTicks} bursts with the PWM running");
    }

    [Fact]
    public void ResumeAfterAutoRetryWaitsForTheDiodeCheck()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        Assert.True(rig.Coil.State);
        rig.Rcd.Level = true;
        rig.Tick();
        rig.Rcd.Level = false;
        Assert.False(rig.Coil.State);
        rig.Tick();
        Assert.Equal(FaultClearResult.Cleared, rig.Controller.ClearFault(FaultCode.RcdTrip, false));
        int ticks = CloseAndRecordDiodeTicks(rig, 300, out _, out int pwmTicks);
        Assert.True(ticks > 0, "never closed again");
        Assert.True(pwmTicks >= 2, $"closed after {pwmTicks} bursts with the PWM running");
    }

    [Fact]
    public void ResistorWithoutDiodeAlreadyInCNeverGetsTheOutletEnergised()
    {
        var rig = new ChargerRig();
        rig.Ev.EvState = EvPilotState.C;
        rig.Ev.DiodePresent = false;
        rig.RunMs(100);
        rig.Controller.SetAuthorized(true);
        Assert.Equal(-1, rig.TicksUntil(() => rig.Coil.State, 300));
        Assert.True(rig.Controller.IsFaultActive(FaultCode.DiodeFault));
    }

    [Fact]
    public void AdcStuckAtTheCLevelBeforeAuthorizationNeverCloses()
    {
        var rig = new ChargerRig();
        var profile = PilotBoardProfile.CreateDefault(4095);
        rig.PilotAdc.Value = profile.ToCounts(6000);
        rig.RunMs(100);
        Assert.Equal(PilotLevel.C, rig.Controller.PilotLevel);
        rig.Controller.SetAuthorized(true);
        Assert.Equal(-1, rig.TicksUntil(() => rig.Coil.State, 300));
        Assert.True(rig.Controller.IsFaultActive(FaultCode.DiodeFault));
    }

    [Fact]
    public void OneGlitchedSampleAtMinusTwelveVoltsInOneBurstDoesNotPassTheDiodeCheck()
    {
        var rig = new ChargerRig();
        rig.Ev.EvState = EvPilotState.C;
        rig.Ev.DiodePresent = false;
        AdcSampler inner = rig.PilotAdc.Sampler;
        long glitchAt = -1;
        long reads = 0;
        rig.PilotAdc.Sampler = () =>
        {
            int value = inner();
            return reads++ == glitchAt ? rig.Ev.CountsFor(-12000) : value;
        };
        rig.RunMs(100);
        rig.Controller.SetAuthorized(true);
        // The glitch lands inside the first burst taken under PWM: a single burst with a -12 V sample.
        glitchAt = reads + rig.Config.PilotSamplesPerBurst + 5;
        for (int i = 0; i < 100; i++)
        {
            rig.Tick();
            Assert.False(rig.Coil.State, $"closed at tick {i} on a glitched burst");
        }
    }

    [Fact]
    public void ConversionsOutsideTheAdcRangeNeverCountAsTheMinusTwelveVoltHalf()
    {
        // A board whose full scale sits just beyond ±12 V: an ADC driver's error value (-1) would read as -12.5 V.
        var rig = new ChargerRig(c => c.PilotBoard = new PilotBoardProfile(4095, 3300, 1650, 7.6),
            wrapPilotAdc: adc => new ErrorInjectingAdc(adc, 48));
        rig.Ev.EvState = EvPilotState.C;
        rig.Ev.DiodePresent = false;
        rig.RunMs(100);
        rig.Controller.SetAuthorized(true);
        Assert.Equal(-1, rig.TicksUntil(() => rig.Coil.State, 200));
        Assert.False(rig.Controller.Pilot.LastBurstValid);
        Assert.True(rig.Controller.Pilot.InvalidBurstCount > 0);
        Assert.Equal(PilotLevel.Invalid, rig.Controller.PilotLevel);
    }

    /// <summary>Issue 12 item 5: a diode fault is cleared by unplugging, never by hand while the EV is plugged.</summary>
    [Fact]
    public void DiodeFaultCannotBeClearedByHandWhileTheEvIsPlugged()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Ev.DiodePresent = false;
        rig.RunMs(50);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.DiodeFault));
        rig.RunMs(1000);
        Assert.Equal(FaultClearResult.ConditionPresent, rig.Controller.ClearFault(FaultCode.DiodeFault, true));
        Assert.Equal(0, rig.Controller.ClearAllFaults(true));
        for (int i = 0; i < 100; i++)
        {
            rig.Tick();
            Assert.False(rig.Coil.State, "re-energised after a manual clear");
        }

        rig.Ev.EvState = EvPilotState.A;
        rig.RunMs(100);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.DiodeFault));
    }

    /// <summary>Returns -1 (a driver's error value, outside 0..MaxValue) once every <c>period</c> conversions.</summary>
    private sealed class ErrorInjectingAdc : IAdcChannel
    {
        private readonly IAdcChannel _inner;
        private readonly int _period;
        private long _reads;

        public ErrorInjectingAdc(IAdcChannel inner, int period)
        {
            _inner = inner;
            _period = period;
        }

        public int MaxValue => _inner.MaxValue;

        public int ReadRaw()
        {
            int value = _inner.ReadRaw();
            return _reads++ % _period == 7 ? -1 : value;
        }
    }
}
