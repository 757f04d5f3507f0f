using Charger.Firmware.Safety;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>Issue 12 item 6: stale phase currents are stale; blind over-current supervision stops charging.</summary>
public class MeterStalenessTests
{
    [Fact]
    public void ReadingStampedWithItsReadTimeGoesStale()
    {
        var rig = new ChargerRig(c => c.Safety.MeterFitted = true);
        rig.StartCharging();
        long readAt = rig.NowMs;
        rig.Controller.ReportMeter(readAt, true, 16, 16, 16);
        rig.RunMs(6000);
        // A re-report of the same old reading keeps its old time: it is not fresh.
        rig.Controller.ReportMeter(readAt, true, 16, 16, 16);
        Assert.False(rig.Controller.Safety.MeterFresh(rig.NowMs));
    }

    [Fact]
    public void BlindOverCurrentSupervisionStopsChargingAfterTheBlindTime()
    {
        var rig = new ChargerRig(c => c.Safety.MeterFitted = true);
        rig.EvCurrentA = 16.0;
        rig.StartCharging();
        Assert.True(rig.Coil.State);
        rig.EvCurrentA = null;
        rig.RunMs(SafetySettings.DefaultMeterBlindMs - 100);
        Assert.True(rig.Coil.State, "stopped inside the stale window");
        rig.RunMs(300);
        Assert.False(rig.Coil.State);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.MeterFault));

        // It stays stopped (no flapping) until a fresh reading arrives.
        rig.RunMs(10_000);
        Assert.False(rig.Coil.State);
        rig.EvCurrentA = 0.0;
        Assert.True(rig.TicksUntil(() => rig.Coil.State, 500) > 0);
    }

    [Fact]
    public void WithoutAMeterFittedNothingIsBlind()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.RunMs(20_000);
        Assert.True(rig.Coil.State);
    }
}
