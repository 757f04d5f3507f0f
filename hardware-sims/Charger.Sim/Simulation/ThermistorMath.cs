using Charger.Firmware.Thermal;

namespace Charger.Sim.Simulation;

/// <summary>
/// Turns a model temperature into the ADC counts an NTC divider gives, by inverting the firmware's
/// own resistance-to-temperature law numerically (so any NTC model works without a second copy).
/// </summary>
public static class ThermistorMath
{
    public static int CountsFor(double temperatureC, INtcModel model, int seriesOhms, int maxCounts)
    {
        // NTC: resistance falls as temperature rises; bisection on log-resistance.
        double lo = Math.Log(1.0), hi = Math.Log(10_000_000.0);
        for (int i = 0; i < 80; i++)
        {
            double mid = (lo + hi) / 2;
            if (model.TemperatureCFor(Math.Exp(mid)) > temperatureC)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double ohms = Math.Exp((lo + hi) / 2);
        return (int)Math.Round(maxCounts * ohms / (ohms + seriesOhms));
    }
}
