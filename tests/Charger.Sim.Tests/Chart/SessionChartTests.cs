using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Charger.Sim.Chart;

namespace Charger.Sim.Tests.Chart;

public class SessionChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static SessionChart ChartOfASession()
    {
        var chart = new SessionChart { Title = "Session <1> & test" };
        for (int s = 0; s <= 600; s += 10)
        {
            char pilot = s < 30 ? 'A' : s < 60 ? 'B' : s < 500 ? 'C' : 'B';
            double offered = pilot == 'C' ? (s > 300 ? 16 : 32) : 0;
            double drawn = pilot == 'C' ? offered - 0.5 : 0;
            chart.Add(new SessionSample(s * 1000L, pilot, offered, drawn, drawn * 230 * 3, s * 10.0,
                new Dictionary<string, double> { ["connector"] = 25 + s / 20.0, ["internal"] = 30 }));
        }

        return chart;
    }

    [Fact]
    public void ChartIsWellFormedSvgWithEverySeries()
    {
        var doc = XDocument.Parse(ChartOfASession().ToSvg());

        Assert.Equal(Svg + "svg", doc.Root!.Name);
        var ids = doc.Descendants(Svg + "polyline").Select(p => (string)p.Attribute("id")).ToList();
        Assert.Equal(new[]
        {
            "series-current-offered", "series-current-drawn", "series-power-power", "series-energy-energy",
            "series-temperature-connector", "series-temperature-internal",
        }, ids);
        Assert.All(doc.Descendants(Svg + "polyline"), p => Assert.True(((string)p.Attribute("points")).Split(' ').Length > 10));
    }

    [Fact]
    public void EverySeriesIsLabelledAtItsLineSoNoLegendIsNeeded()
    {
        var doc = XDocument.Parse(ChartOfASession().ToSvg());
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        foreach (var label in new[] { "offered", "drawn", "power", "energy", "connector", "internal" })
        {
            Assert.Contains(label, texts);
        }

        Assert.Contains("Current (A)", texts);
        Assert.Contains("Temperature (°C)", texts);
        Assert.Contains("Session <1> & test", texts);
    }

    [Fact]
    public void PilotStateBandHasOneBlockPerRunOfEqualState()
    {
        var doc = XDocument.Parse(ChartOfASession().ToSvg());
        var band = doc.Descendants(Svg + "g").Single(g => (string)g.Attribute("id") == "pilot-state");
        var states = band.Elements(Svg + "rect").Select(r => r.Element(Svg + "title")!.Value).ToList();
        Assert.Equal(new[] { "state A", "state B", "state C", "state B" }, states);
    }

    [Fact]
    public void SeriesPointsFollowTheData()
    {
        var doc = XDocument.Parse(ChartOfASession().ToSvg());
        var offered = doc.Descendants(Svg + "polyline").Single(p => (string)p.Attribute("id") == "series-current-offered");
        var ys = ((string)offered.Attribute("points")).Split(' ').Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();

        // Offer drops from 32 A to 16 A mid-session: the line must sit lower (larger y) afterwards.
        double at32 = ys[25]; // 250 s
        double at16 = ys[35]; // 350 s
        Assert.True(at16 > at32, $"16 A point (y={at16}) should be below the 32 A point (y={at32})");
    }

    [Fact]
    public void SamplesOutOfOrderAreRefused()
    {
        var chart = new SessionChart();
        var temps = new Dictionary<string, double>();
        chart.Add(new SessionSample(1000, 'A', 0, 0, 0, 0, temps));
        Assert.Throws<ArgumentException>(() => chart.Add(new SessionSample(999, 'A', 0, 0, 0, 0, temps)));
    }

    [Fact]
    public void EmptyChartIsStillWellFormed()
    {
        var doc = XDocument.Parse(new SessionChart().ToSvg());
        Assert.Equal(Svg + "svg", doc.Root!.Name);
    }
}
