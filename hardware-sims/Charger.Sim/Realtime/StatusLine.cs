using Charger.Firmware.Safety;
using Charger.Sim.Reporting;
using Charger.Sim.Simulation;

namespace Charger.Sim.Realtime;

/// <summary>The one-line live status of a real-time run: what a person watching the charger wants at a glance.</summary>
public static class StatusLine
{
    // Enough for every fault code at once; GetActiveFaults fills what fits.
    private const int MaxFaultsShown = 16;

    public static string Format(SimulatedStation sim)
    {
        string time = Timeline.FormatTime(sim.NowMs).Trim();
        var station = sim.Station;
        if (station == null)
        {
            return $"{time}  power off (firmware restarting)";
        }

        var c = station.Controller;
        double drawnA = sim.Contactor.IsClosed ? sim.Ev.DrawnA : 0;
        string pilot = c.PilotLevel == Charger.Firmware.Pilot.PilotLevel.Invalid ? "?" : c.PilotLevel.ToString();
        string contactor = (c.ContactorCommandedClosed ? "closed" : "open") + "/" + (c.ContactorFeedbackClosed ? "closed" : "open");
        // Faults before energy: on a narrow terminal the line is cut at the right, and faults matter more.
        return $"{time}  pilot {pilot}  state {c.State}  offer {c.OfferA:0.0} A  drawn {drawnA:0.0} A  "
            + $"contactor {contactor}  faults {Faults(c)}  energy {sim.MeteredEnergyWh / 1000.0:0.000} kWh";
    }

    private static string Faults(Charger.Firmware.Control.ChargeController c)
    {
        var buffer = new FaultCode[MaxFaultsShown];
        int n = c.GetActiveFaults(buffer);
        if (n == 0)
        {
            return "none";
        }

        return string.Join(",", buffer.Take(Math.Min(n, buffer.Length)).Select(f => f.ToString()));
    }
}
