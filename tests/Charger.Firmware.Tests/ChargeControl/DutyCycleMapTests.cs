using Charger.Firmware.Charging;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>IEC 61851-1 Annex A, Table A.7 (EVSE) and Table A.8 (EV) duty cycle ↔ current.</summary>
public class DutyCycleMapTests
{
    [Theory]
    [InlineData(60, 100)]
    [InlineData(100, 166)]
    [InlineData(160, 266)]
    [InlineData(320, 533)]
    [InlineData(510, 850)]
    [InlineData(520, 850)]
    [InlineData(525, 850)]
    [InlineData(530, 852)]
    [InlineData(630, 892)]
    [InlineData(800, 960)]
    public void CurrentMapsToDutyPerTableA7(int currentDa, int expectedPermille)
    {
        Assert.Equal(expectedPermille, DutyCycleMap.DutyPermilleFor(currentDa));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(59)]
    [InlineData(-10)]
    public void BelowSixAmperesThereIsNoOffer(int currentDa)
    {
        Assert.Equal(DutyCycleMap.NoOffer, DutyCycleMap.DutyPermilleFor(currentDa));
    }

    [Theory]
    [InlineData(801)]
    [InlineData(1000)]
    [InlineData(int.MaxValue / 10)]
    public void AboveEightyAmperesTheOfferIsClampedTo96Percent(int currentDa)
    {
        Assert.Equal(960, DutyCycleMap.DutyPermilleFor(currentDa));
    }

    [Fact]
    public void EveryCurrentFromSixToEightyAmperesRoundTripsToAtMostTheOfferAndWithinTheStepOfTheDuty()
    {
        for (int currentDa = 60; currentDa <= 800; currentDa++)
        {
            int duty = DutyCycleMap.DutyPermilleFor(currentDa);
            Assert.InRange(duty, 100, 960);
            int decoded = DutyCycleMap.CurrentDaFor(duty);
            Assert.True(decoded <= currentDa, $"{currentDa} dA → {duty} ‰ → {decoded} dA exceeds the offer");
            // One per mille is 0.06 A in the low range and 0.25 A in the high range; between 51 A and
            // 52.8 A (851 ‰ means 52.75 A) only 85 % (51 A) is safe.
            int tolerance = currentDa <= 510 ? 1 : currentDa < 528 ? currentDa - 510 : 3;
            Assert.True(currentDa - decoded <= tolerance, $"{currentDa} dA decodes to {decoded} dA");
        }
    }

    [Fact]
    public void DutyIsMonotonicInCurrent()
    {
        int previous = DutyCycleMap.DutyPermilleFor(60);
        for (int currentDa = 61; currentDa <= 900; currentDa++)
        {
            int duty = DutyCycleMap.DutyPermilleFor(currentDa);
            Assert.True(duty >= previous, $"duty fell at {currentDa} dA");
            previous = duty;
        }
    }

    [Theory]
    [InlineData(0, DutyCycleMap.NotAllowed)]
    [InlineData(29, DutyCycleMap.NotAllowed)]
    [InlineData(30, DutyCycleMap.DigitalCommunication)]
    [InlineData(50, DutyCycleMap.DigitalCommunication)]
    [InlineData(70, DutyCycleMap.DigitalCommunication)]
    [InlineData(71, 0)]
    [InlineData(79, 0)]
    [InlineData(80, 60)]
    [InlineData(99, 60)]
    [InlineData(100, 60)]
    [InlineData(250, 150)]
    [InlineData(533, 319)]
    [InlineData(850, 510)]
    [InlineData(851, 527)]
    [InlineData(900, 650)]
    [InlineData(960, 800)]
    [InlineData(961, 800)]
    [InlineData(970, 800)]
    [InlineData(971, DutyCycleMap.NotAllowed)]
    [InlineData(1000, DutyCycleMap.NotAllowed)]
    public void DutyDecodesPerTableA8(int dutyPermille, int expectedDa)
    {
        Assert.Equal(expectedDa, DutyCycleMap.CurrentDaFor(dutyPermille));
    }

    [Fact]
    public void EveryDutyFromZeroToFullScaleDecodesToADefinedResult()
    {
        for (int duty = 0; duty <= 1000; duty++)
        {
            int current = DutyCycleMap.CurrentDaFor(duty);
            bool charging = duty >= 80 && duty <= 970;
            if (charging)
            {
                Assert.InRange(current, 60, 800);
            }
            else
            {
                Assert.True(current <= 0, $"{duty} ‰ must not allow charging, got {current}");
            }
        }
    }
}
