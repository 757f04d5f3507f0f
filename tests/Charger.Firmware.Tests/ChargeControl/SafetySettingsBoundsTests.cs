using Charger.Firmware.Control;
using Charger.Firmware.Safety;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>Issue 12 item 12: every safety figure is bounded at start; self-clearing faults have a flap limit.</summary>
public class SafetySettingsBoundsTests
{
    [Theory]
    [InlineData("hold0", "Safety.FaultHoldMs 0")]
    [InlineData("confirm", "ContactorConfirmMs 60000")]
    [InlineData("ocDuration", "Safety.OverCurrentDurationMs 600000")]
    [InlineData("ocMargin", "Safety.OverCurrentMarginPercent 80")]
    [InlineData("fast", "Safety.FastOverCurrentPercent 100")]
    [InlineData("instant", "Safety.InstantOverCurrentPercent 1000")]
    [InlineData("hard", "Safety.OverCurrentHardLimitDa 5000")]
    [InlineData("stale", "Safety.MeterStaleMs 0")]
    [InlineData("blind", "Safety.MeterBlindMs 4000")]
    [InlineData("flap", "Safety.FlapLimit 0")]
    [InlineData("rcdRetries", "RcdTrip MaxRetries 6")]
    [InlineData("retryDelay", "PilotShort RetryDelayMs 0")]
    [InlineData("estop", "EmergencyStop must latch")]
    public void UnboundedSafetyFiguresAreRefusedAtStartNamingTheSetting(string which, string expected)
    {
        var e = Assert.Throws<ChargeControlConfigException>(() => new ChargerRig(c =>
        {
            switch (which)
            {
                case "hold0": c.Safety.FaultHoldMs = 0; break;
                case "confirm": c.ContactorConfirmMs = 60000; break;
                case "ocDuration": c.Safety.OverCurrentDurationMs = 600000; break;
                case "ocMargin": c.Safety.OverCurrentMarginPercent = 80; break;
                case "fast": c.Safety.FastOverCurrentPercent = 100; break;
                case "instant": c.Safety.InstantOverCurrentPercent = 1000; break;
                case "hard": c.Safety.OverCurrentHardLimitDa = 5000; break;
                case "stale": c.Safety.MeterStaleMs = 0; break;
                case "blind": c.Safety.MeterBlindMs = 4000; break;
                case "flap": c.Safety.FlapLimit = 0; break;
                case "rcdRetries": c.Safety.SetPolicy(FaultCode.RcdTrip, new FaultPolicy(LatchPolicy.AutoRetry, 300000, 6, "six")); break;
                case "retryDelay": c.Safety.SetPolicy(FaultCode.PilotShort, new FaultPolicy(LatchPolicy.AutoRetry, 0, 3, "now")); break;
                case "estop": c.Safety.SetPolicy(FaultCode.EmergencyStop, new FaultPolicy(LatchPolicy.SelfClearing, 0, 0, "x")); break;
            }
        }));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void DefaultsAreWithinTheirBounds()
    {
        var rig = new ChargerRig();
        Assert.NotNull(rig.Controller);
    }

    [Fact]
    public void FlappingTemperatureSensorLatchesAfterTheFlapLimit()
    {
        var rig = new ChargerRig();
        for (int flap = 1; flap <= SafetySettings.DefaultFlapLimit; flap++)
        {
            rig.Thermistors[0].Value = 4095;
            rig.RunMs(50);
            Assert.True(rig.Controller.IsFaultActive(FaultCode.TemperatureSensor));
            rig.SetTemperature(0, 25.0);
            rig.RunMs(11_000);
            if (flap < SafetySettings.DefaultFlapLimit)
            {
                Assert.False(rig.Controller.IsFaultActive(FaultCode.TemperatureSensor), $"flap {flap} did not clear by itself");
            }
        }

        Assert.True(rig.Controller.Safety.IsLatched(FaultCode.TemperatureSensor));
        rig.RunMs(60_000);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.TemperatureSensor));
        Assert.True(rig.Log.Contains("times within 60 min"));
        Assert.Equal(FaultClearResult.Cleared, rig.Controller.ClearFault(FaultCode.TemperatureSensor, false));
    }

    [Fact]
    public void FaultsFarApartDoNotCountAsFlapping()
    {
        var rig = new ChargerRig(c => c.Safety.FlapWindowMs = SafetySettings.MinFlapWindowMs);
        for (int flap = 1; flap <= SafetySettings.DefaultFlapLimit + 2; flap++)
        {
            rig.Thermistors[0].Value = 4095;
            rig.RunMs(50);
            rig.SetTemperature(0, 25.0);
            rig.RunMs(61_000);
            Assert.False(rig.Controller.IsFaultActive(FaultCode.TemperatureSensor), $"flap {flap} latched");
        }
    }
}
