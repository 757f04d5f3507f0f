using Charger.Firmware.Charging;
using Charger.Firmware.Control;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

public class OfferAndConfigTests
{
    [Fact]
    public void OfferIsTheMinimumOfConfigCableExternalAndMeterLimits()
    {
        var rig = new ChargerRig(c => c.Charging.MaxCurrentDa = 250);
        rig.Cable.Plug(SimProximity.Cable32AOhms);
        rig.StartCharging();
        Assert.Equal(249, rig.Controller.OfferDa);

        rig.Cable.Plug(SimProximity.Cable20AOhms);
        rig.RunMs(50);
        Assert.Equal(200, rig.Controller.Offer.OfferDa);
        Assert.Equal(199, rig.Controller.OfferDa);

        rig.Controller.SetExternalLimitA(16.0);
        rig.Tick();
        Assert.Equal(160, rig.Controller.Offer.OfferDa);

        rig.Controller.SetMeterProtectionLimitA(10.0);
        rig.Tick();
        Assert.Equal(100, rig.Controller.Offer.OfferDa);
        Assert.Equal(0.166, rig.Pwm.DutyCycle, 3);
    }

    [Fact]
    public void ReductionsApplyAtOnceIncreasesWaitFiveSecondsForTheEvToFollow()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Controller.SetExternalLimitA(10.0);
        rig.Tick();
        Assert.Equal(100, rig.Controller.Offer.OfferDa);
        rig.Controller.SetExternalLimitA(8.0);
        rig.Tick();
        Assert.Equal(80, rig.Controller.Offer.OfferDa);

        rig.Controller.ClearExternalLimit();
        rig.RunMs(4980);
        Assert.Equal(80, rig.Controller.Offer.OfferDa);
        rig.RunMs(20);
        Assert.Equal(320, rig.Controller.Offer.OfferDa);
        Assert.True(rig.Pwm.ChangeCount < 10);
    }

    [Fact]
    public void NoCableMeansNoOffer()
    {
        var rig = new ChargerRig();
        rig.Cable.Unplug();
        rig.Ev.EvState = EvPilotState.B;
        rig.Controller.SetAuthorized(true);
        rig.RunMs(100);
        Assert.False(rig.Controller.PwmOfferActive);
    }

    [Fact]
    public void TetheredChargerOffersItsCableRatingWithoutAProximityInput()
    {
        var rig = new ChargerRig(tethered: true);
        rig.StartCharging();
        Assert.Equal(160, rig.Controller.CableRatingDa);
        Assert.Equal(159, rig.Controller.OfferDa);
        Assert.True(rig.Coil.State);
    }

    [Fact]
    public void FreeVendChargesWithoutAuthorization()
    {
        var rig = new ChargerRig(c => c.Charging.FreeVend = true);
        rig.Ev.EvState = EvPilotState.C;
        rig.RunMs(100);
        Assert.Equal(IecState.C2, rig.Controller.State);
        Assert.True(rig.Coil.State);
    }

    [Fact]
    public void DebounceThatWouldMissTheReactionLimitIsRefused()
    {
        var e = Assert.Throws<ChargeControlConfigException>(() => new ChargerRig(c => c.PilotDebounceTicks = 5));
        Assert.Contains("PilotDebounceTicks 5", e.Message);
        Assert.Contains("30 ms", e.Message);
        new ChargerRig(c => c.PilotDebounceTicks = 4);
    }

    [Theory]
    [InlineData("max", "MaxCurrentDa")]
    [InlineData("c1", "C1PowerOffMs")]
    [InlineData("reaction", "ReactionLimitMs")]
    [InlineData("thermistors", "Thermistors has 1 settings for 2")]
    [InlineData("confirm", "ContactorConfirmMs")]
    public void UnsafeFiguresAreRefusedWithTheSettingNamed(string which, string expected)
    {
        var e = Assert.Throws<ChargeControlConfigException>(() => new ChargerRig(c =>
        {
            switch (which)
            {
                case "max": c.Charging.MaxCurrentDa = 900; break;
                case "c1": c.Charging.C1PowerOffMs = 8000; break;
                case "reaction": c.ReactionLimitMs = 150; break;
                case "thermistors": c.Thermistors = new[] { new Charger.Firmware.Thermal.ThermistorSettings("one") }; break;
                case "confirm": c.ContactorConfirmMs = 0; break;
            }
        }));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void RuntimeWithADifferentTickPeriodIsRefused()
    {
        var rig = new ChargerRig();
        var other = new Charger.Firmware.Runtime.ChargerRuntime(rig.Log, null, 20, 8, 4);
        Assert.Throws<ChargeControlConfigException>(() => rig.Controller.Register(other));
    }

    [Fact]
    public void StagesRunInTheRequiredOrder()
    {
        // pilot sample → proximity → safety → state machine → outputs: an RCD trip and the pilot
        // sample of the same tick are acted on by the outputs of that tick.
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Rcd.Level = true;
        rig.Tick();
        Assert.False(rig.Coil.State);
        Assert.Equal(0.0, rig.Pwm.DutyCycle);
    }
}
