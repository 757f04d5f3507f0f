using Charger.Firmware.Safety;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>Issue 12 item 8: a fast over-current stage next to the slow 7 s one.</summary>
public class FastOverCurrentTests
{
    [Fact]
    public void SixtyAmpsOnAThirtyTwoAmpOfferTripsAtOnce()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        Assert.True(rig.Coil.State);
        rig.EvCurrentA = 60.0;
        int ticks = rig.TicksUntil(() => !rig.Coil.State, 700);
        Assert.Equal(1, ticks);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.OverCurrent));
        Assert.Contains("150 %", rig.Controller.Safety.GetReason(FaultCode.OverCurrent));
    }

    [Fact]
    public void TwoHundredAmpsTripsAtOnceOnTheHardLimit()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.EvCurrentA = 200.0;
        Assert.Equal(1, rig.TicksUntil(() => !rig.Coil.State, 700));
        Assert.Contains("hard limit", rig.Controller.Safety.GetReason(FaultCode.OverCurrent));
    }

    [Fact]
    public void CurrentAboveTheHardLimitTripsAtOnceWhateverTheOffer()
    {
        var rig = new ChargerRig(c => c.Safety.OverCurrentHardLimitDa = 350);
        rig.StartCharging();
        rig.EvCurrentA = 36.0;
        Assert.Equal(1, rig.TicksUntil(() => !rig.Coil.State, 10));
        Assert.Contains("hard limit", rig.Controller.Safety.GetReason(FaultCode.OverCurrent));
    }

    [Fact]
    public void AboveOneHundredTwentyFivePercentTripsAfterOneSecond()
    {
        var rig = new ChargerRig(c => c.Charging.MaxCurrentDa = 160);
        rig.StartCharging();
        Assert.Equal(159, rig.Controller.OfferDa);
        // 15.9 A × 1.25 + 0.5 A = 20.4 A; 22 A is over it and under 150 %.
        rig.EvCurrentA = 22.0;
        rig.RunMs(1000);
        Assert.True(rig.Coil.State, "tripped before the fast stage's 1 s");
        int ticks = rig.TicksUntil(() => !rig.Coil.State, 700);
        Assert.InRange(ticks, 1, 3);
        Assert.Contains("125 %", rig.Controller.Safety.GetReason(FaultCode.OverCurrent));
    }

    [Fact]
    public void ALoweredOfferGivesTheEvFiveSecondsBeforeTheFastStageCounts()
    {
        var rig = new ChargerRig();
        rig.EvCurrentA = 31.0;
        rig.StartCharging();
        rig.Controller.SetExternalLimitA(10.0);
        rig.RunMs(4500);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.OverCurrent));
        Assert.True(rig.Coil.State);
        // Still at 31 A after the 5 s: well above 150 % of 10 A.
        rig.RunMs(1000);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.OverCurrent));
    }
}
