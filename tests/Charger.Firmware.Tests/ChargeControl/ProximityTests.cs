using Charger.Firmware.Pilot;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>Proximity pilot decoding, IEC 61851-1 Table B.2 / IEC 62196-2.</summary>
public class ProximityTests
{
    private readonly ProximityDecoder _decoder = new();

    [Theory]
    [InlineData(1500, 130)]
    [InlineData(680, 200)]
    [InlineData(220, 320)]
    [InlineData(100, 630)]
    public void NominalCodingResistorsGiveTheirRating(int ohms, int ratingDa)
    {
        Assert.Equal(CableStatus.Rated, _decoder.StatusFor(ohms));
        Assert.Equal(ratingDa, _decoder.RatingDaFor(ohms));
    }

    [Theory]
    [InlineData(1455, 130)]
    [InlineData(1545, 130)]
    [InlineData(660, 200)]
    [InlineData(700, 200)]
    [InlineData(213, 320)]
    [InlineData(227, 320)]
    [InlineData(97, 630)]
    [InlineData(103, 630)]
    public void ResistorsWithinThreePercentToleranceKeepTheirRating(int ohms, int ratingDa)
    {
        Assert.Equal(ratingDa, _decoder.RatingDaFor(ohms));
    }

    [Theory]
    [InlineData(147, 630)]
    [InlineData(148, 320)]
    [InlineData(386, 320)]
    [InlineData(387, 200)]
    [InlineData(1009, 200)]
    [InlineData(1010, 130)]
    [InlineData(2460, 130)]
    public void WindowEdgesSplitNeighbouringCodings(int ohms, int ratingDa)
    {
        Assert.Equal(ratingDa, _decoder.RatingDaFor(ohms));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(49)]
    [InlineData(2461)]
    [InlineData(5000)]
    [InlineData(10000)]
    public void ShortedOrUnknownResistanceIsACableFaultWithNoRating(int ohms)
    {
        Assert.Equal(CableStatus.Fault, _decoder.StatusFor(ohms));
        Assert.Equal(0, _decoder.RatingDaFor(ohms));
    }

    [Theory]
    [InlineData(10001)]
    [InlineData(int.MaxValue)]
    public void OpenProximityMeansNoCable(int ohms)
    {
        Assert.Equal(CableStatus.NoCable, _decoder.StatusFor(ohms));
        Assert.Equal(0, _decoder.RatingDaFor(ohms));
    }

    [Fact]
    public void WindowsMustRise()
    {
        Assert.Throws<System.ArgumentException>(() => new ProximityDecoder(50, 400, 387, 1010, 2460, 10000));
    }

    [Theory]
    [InlineData(SimProximity.Cable13AOhms, 130)]
    [InlineData(SimProximity.Cable20AOhms, 200)]
    [InlineData(SimProximity.Cable32AOhms, 320)]
    [InlineData(SimProximity.Cable63AOhms, 630)]
    public void ProximityPilotReadsTheCableThroughTheAdcAfterDebounce(int ohms, int ratingDa)
    {
        var adc = new SimAdcChannel(4095);
        var socket = new SimProximity(adc, 1000);
        var pp = new ProximityPilot(adc, 1000, new ProximityDecoder(), 3);
        socket.Plug(ohms);
        pp.Tick(10);
        pp.Tick(20);
        Assert.Equal(CableStatus.NoCable, pp.Status);
        pp.Tick(30);
        Assert.Equal(CableStatus.Rated, pp.Status);
        Assert.Equal(ratingDa, pp.RatingDa);
        Assert.InRange(pp.ResistanceOhms, ohms * 97 / 100, ohms * 103 / 100);

        socket.Unplug();
        for (int t = 40; t <= 60; t += 10)
        {
            pp.Tick(t);
        }

        Assert.Equal(CableStatus.NoCable, pp.Status);
        Assert.Equal(0, pp.RatingDa);
    }

    [Fact]
    public void TetheredCableReportsItsConfiguredRatingWithoutAnAdc()
    {
        var pp = new ProximityPilot(160);
        pp.Tick(10);
        Assert.True(pp.IsTethered);
        Assert.Equal(CableStatus.Rated, pp.Status);
        Assert.Equal(160, pp.RatingDa);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new ProximityPilot(0));
    }
}
