namespace Charger.Metering.Service
{
    /// <summary>
    /// Physical bounds a reading must respect for the meter's rating. A CRC-valid frame can still
    /// carry a value no installation can produce (a firmware glitch, a register map mix-up, a
    /// meter that lies); such a reading is counted and skipped instead of reaching the safety
    /// supervisor, billing or the OCPP wire. Defaults fit the direct-connected meters we profile
    /// (SDM630, EM340, ABB B2x: 100 A max per phase) on a 230/400 V grid.
    /// </summary>
    public sealed class MeterPlausibility
    {
        /// <summary>Largest current per phase (A): the meter's maximum current (SDM630 datasheet Imax 100 A).</summary>
        public double MaxCurrentA = 100;

        /// <summary>Largest phase-to-neutral voltage (V): 230 V + 30 %, above any EN 50160 excursion a meter survives.</summary>
        public double MaxVoltageV = 300;

        /// <summary>Frequency band (Hz) a meter on a 50 or 60 Hz grid reports; 0 is allowed (no voltage, nothing measured).</summary>
        public double MinFrequencyHz = 40;

        public double MaxFrequencyHz = 70;

        /// <summary>
        /// Largest energy register (Wh): 1 TWh, above any register we profile reaches in service (the ABB B2x
        /// 64-bit register is decoded up to 1.2e11 Wh in the profile tests) and far below what OCPP can carry.
        /// </summary>
        public double MaxEnergyWh = 1e12;

        /// <summary>
        /// Register resolution and rounding slack (Wh) added to the energy step allowed per poll: float32
        /// registers resolve about 8 Wh near 100 MWh.
        /// </summary>
        public double EnergyStepSlackWh = 20;

        /// <summary>Largest total power (W): every phase at the maximum voltage and current.</summary>
        public double MaxPowerW(int phases)
        {
            return (phases < 1 ? 1 : phases) * MaxVoltageV * MaxCurrentA;
        }

        /// <summary>
        /// Largest energy increase (Wh) over <paramref name="elapsedMs"/> at the maximum power, plus slack.
        /// </summary>
        public double MaxEnergyStepWh(int phases, long elapsedMs)
        {
            if (elapsedMs < 0)
            {
                elapsedMs = 0;
            }

            return MaxPowerW(phases) * elapsedMs / 3600000.0 + EnergyStepSlackWh;
        }

        /// <summary>
        /// Why <paramref name="r"/> cannot be a real reading, or null when every value is within bounds.
        /// The energy step is judged by the caller, which knows the last accepted reading.
        /// </summary>
        public string Check(MeterReading r)
        {
            int phases = r.PhaseCount < 1 ? 1 : (r.PhaseCount > 3 ? 3 : r.PhaseCount);
            for (int p = 1; p <= phases; p++)
            {
                if (!Within(r.GetCurrentA(p), -MaxCurrentA, MaxCurrentA))
                {
                    return "current L" + p + " out of range";
                }

                if (!Within(r.GetVoltageV(p), 0, MaxVoltageV))
                {
                    return "voltage L" + p + " out of range";
                }
            }

            double maxPowerW = MaxPowerW(phases);
            if (!Within(r.PowerActiveImportW, -maxPowerW, maxPowerW))
            {
                return "power out of range";
            }

            double f = r.FrequencyHz;
            if (!(f == 0 || Within(f, MinFrequencyHz, MaxFrequencyHz)))
            {
                return "frequency out of range";
            }

            if (!Within(r.EnergyActiveImportWh, 0, MaxEnergyWh))
            {
                return "energy register out of range";
            }

            return null;
        }

        // NaN fails every comparison, so it is out of range too.
        private static bool Within(double value, double min, double max)
        {
            return value >= min && value <= max;
        }
    }
}
