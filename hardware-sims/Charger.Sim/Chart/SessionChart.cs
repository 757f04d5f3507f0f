using System.Globalization;
using System.Text;
using System.Xml;

namespace Charger.Sim.Chart;

/// <summary>
/// Draws a charging session as one SVG: a pilot-state band on top, then current (offered and
/// drawn), power, energy and temperatures in stacked panels over a shared time axis. Each line
/// carries its own label at its right end, so the chart reads without a legend.
/// </summary>
public sealed class SessionChart
{
    private const int Width = 1100;
    private const int Left = 70;
    private const int Right = 150;
    private const int BandHeight = 28;
    private const int PanelHeight = 150;
    private const int Gap = 34;
    private const int MaxPointsPerSeries = 1500;

    private static readonly string[] TemperatureColours = { "#d62728", "#ff7f0e", "#8c564b", "#e377c2", "#7f7f7f" };

    private static readonly Dictionary<char, string> PilotColours = new()
    {
        ['A'] = "#e0e0e0",
        ['B'] = "#aec7e8",
        ['C'] = "#98df8a",
        ['D'] = "#dbdb8d",
        ['E'] = "#ff9896",
        ['F'] = "#d62728",
        ['?'] = "#ffffff",
    };

    private readonly List<SessionSample> _samples = new();

    public string Title { get; set; } = "Charging session";

    public int Count => _samples.Count;

    public void Add(SessionSample sample)
    {
        if (_samples.Count > 0 && sample.TimeMs < _samples[^1].TimeMs)
        {
            throw new ArgumentException("samples must arrive in time order");
        }

        _samples.Add(sample);
    }

    public void WriteSvg(string path) => File.WriteAllText(path, ToSvg());

    public string ToSvg()
    {
        var panels = new List<(string Title, string Unit, List<(string Label, string Colour, Func<SessionSample, double> Value)> Series)>
        {
            ("Current", "A", new()
            {
                ("offered", "#1f77b4", s => s.OfferedA),
                ("drawn", "#2ca02c", s => s.DrawnA),
            }),
            ("Power", "kW", new() { ("power", "#9467bd", s => s.PowerW / 1000.0) }),
            ("Energy", "kWh", new() { ("energy", "#17becf", s => s.EnergyWh / 1000.0) }),
        };

        var sensors = _samples.SelectMany(s => s.TemperaturesC.Keys).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        var tempSeries = new List<(string, string, Func<SessionSample, double>)>();
        for (int i = 0; i < sensors.Count; i++)
        {
            string sensor = sensors[i];
            tempSeries.Add((sensor, TemperatureColours[i % TemperatureColours.Length],
                s => s.TemperaturesC.TryGetValue(sensor, out double t) ? t : double.NaN));
        }

        panels.Add(("Temperature", "°C", tempSeries));

        int top = 50;
        int height = top + BandHeight + Gap + panels.Count * (PanelHeight + Gap) + 20;
        long t0 = _samples.Count > 0 ? _samples[0].TimeMs : 0;
        long t1 = _samples.Count > 0 ? Math.Max(_samples[^1].TimeMs, t0 + 1) : 1;
        int plotWidth = Width - Left - Right;
        double X(long t) => Left + (t - t0) * (double)plotWidth / (t1 - t0);

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append($"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>\n");
        svg.Append($"<text x=\"{Left}\" y=\"28\" font-size=\"18\" font-weight=\"bold\">{Escape(Title)}</text>\n");

        // Pilot state band: one rectangle per run of equal state, its letter written inside when it fits.
        svg.Append($"<g id=\"pilot-state\"><text x=\"{Left - 8}\" y=\"{top + 18}\" text-anchor=\"end\">pilot</text>\n");
        int runStart = 0;
        for (int i = 1; i <= _samples.Count; i++)
        {
            if (i < _samples.Count && _samples[i].PilotState == _samples[runStart].PilotState)
            {
                continue;
            }

            char state = _samples[runStart].PilotState;
            double x0 = X(_samples[runStart].TimeMs);
            double x1 = i < _samples.Count ? X(_samples[i].TimeMs) : X(t1);
            string colour = PilotColours.TryGetValue(state, out var c) ? c : "#ffffff";
            svg.Append($"<rect x=\"{F(x0)}\" y=\"{top}\" width=\"{F(Math.Max(x1 - x0, 0.5))}\" height=\"{BandHeight}\" fill=\"{colour}\"><title>state {state}</title></rect>\n");
            if (x1 - x0 > 14)
            {
                svg.Append($"<text x=\"{F((x0 + x1) / 2)}\" y=\"{top + 18}\" text-anchor=\"middle\">{state}</text>\n");
            }

            runStart = i;
        }

        svg.Append("</g>\n");
        top += BandHeight + Gap;

        foreach (var panel in panels)
        {
            AppendPanel(svg, panel.Title, panel.Unit, panel.Series, top, X, t0, t1);
            top += PanelHeight + Gap;
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private void AppendPanel(StringBuilder svg, string title, string unit, List<(string Label, string Colour, Func<SessionSample, double> Value)> series, int top, Func<long, double> x, long t0, long t1)
    {
        double max = 0;
        foreach (var s in series)
        {
            foreach (var sample in _samples)
            {
                double v = s.Value(sample);
                if (!double.IsNaN(v))
                {
                    max = Math.Max(max, v);
                }
            }
        }

        double yMax = NiceCeiling(max);
        double Y(double v) => top + PanelHeight - v / yMax * PanelHeight;
        string id = title.ToLowerInvariant();
        svg.Append($"<g id=\"panel-{id}\">\n");
        svg.Append($"<text x=\"{Left}\" y=\"{top - 8}\" font-weight=\"bold\">{Escape(title)} ({Escape(unit)})</text>\n");
        svg.Append($"<rect x=\"{Left}\" y=\"{top}\" width=\"{Width - Left - Right}\" height=\"{PanelHeight}\" fill=\"none\" stroke=\"#999\"/>\n");
        for (int i = 0; i <= 4; i++)
        {
            double v = yMax * i / 4;
            svg.Append($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" stroke=\"#eee\"/>");
            svg.Append($"<text x=\"{Left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\">{F(v)}</text>\n");
        }

        for (int i = 0; i <= 5; i++)
        {
            long t = t0 + (t1 - t0) * i / 5;
            svg.Append($"<text x=\"{F(x(t))}\" y=\"{top + PanelHeight + 14}\" text-anchor=\"middle\" fill=\"#555\">{FormatTime(t - t0)}</text>\n");
        }

        var labelYs = new List<double>();
        foreach (var s in series)
        {
            var points = new StringBuilder();
            int step = Math.Max(1, _samples.Count / MaxPointsPerSeries);
            double lastY = double.NaN;
            for (int i = 0; i < _samples.Count; i += step)
            {
                AppendPoint(points, _samples[i]);
            }

            if (_samples.Count > 0 && (_samples.Count - 1) % step != 0)
            {
                AppendPoint(points, _samples[^1]);
            }

            void AppendPoint(StringBuilder sb, SessionSample sample)
            {
                double v = s.Value(sample);
                if (double.IsNaN(v))
                {
                    return;
                }

                lastY = Y(v);
                sb.Append(F(x(sample.TimeMs))).Append(',').Append(F(lastY)).Append(' ');
            }

            string seriesId = $"series-{id}-{s.Label}";
            svg.Append($"<polyline id=\"{Escape(seriesId)}\" fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"1.8\" points=\"{points.ToString().TrimEnd()}\"/>\n");
            if (!double.IsNaN(lastY))
            {
                // Direct label at the line end; nudge apart labels that would overlap.
                double ly = lastY + 4;
                while (labelYs.Any(y => Math.Abs(y - ly) < 13))
                {
                    ly += 13;
                }

                labelYs.Add(ly);
                svg.Append($"<text x=\"{Width - Right + 6}\" y=\"{F(ly)}\" fill=\"{s.Colour}\">{Escape(s.Label)}</text>\n");
            }
        }

        svg.Append("</g>\n");
    }

    private static double NiceCeiling(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (double m in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (m * magnitude >= max)
            {
                return m * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string FormatTime(long ms)
    {
        var t = TimeSpan.FromMilliseconds(ms);
        return t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}" : t.TotalMinutes >= 1 ? $"{t.Minutes}m{t.Seconds:00}" : $"{t.TotalSeconds:0.#}s";
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string s) => System.Security.SecurityElement.Escape(s);
}
