namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// One reading of an EVSE's meter as the charger's meter service delivers it. Values the meter
    /// does not provide are flagged absent rather than zero. Copied into preallocated slots by the
    /// transaction service, so the charger may reuse its instance.
    /// </summary>
    public sealed class MeterReading
    {
        /// <summary>Phases a reading carries at most (L1, L2, L3).</summary>
        public const int MaxPhases = 3;

        /// <summary>Energy.Active.Import.Register in Wh; -1 when unknown.</summary>
        public long EnergyWh = -1;

        public bool HasPower;

        /// <summary>Power.Active.Import in W.</summary>
        public double PowerW;

        /// <summary>Phases with a current and voltage value (0 when the meter gives none).</summary>
        public int Phases;

        /// <summary>Current.Import per phase in A, index 0 = L1.</summary>
        public readonly double[] CurrentA = new double[MaxPhases];

        /// <summary>Voltage per phase to neutral in V, index 0 = L1-N.</summary>
        public readonly double[] VoltageV = new double[MaxPhases];

        /// <summary>Whether <see cref="OfferedA"/> holds the current the EVSE offers (Current.Offered, smart charging).</summary>
        public bool HasOffered;

        /// <summary>Current.Offered in A: what the pilot offers the EV now (0 while paused).</summary>
        public double OfferedA;

        public bool IsKnown
        {
            get { return EnergyWh >= 0; }
        }

        public void CopyFrom(MeterReading other)
        {
            EnergyWh = other.EnergyWh;
            HasPower = other.HasPower;
            PowerW = other.PowerW;
            HasOffered = other.HasOffered;
            OfferedA = other.OfferedA;
            Phases = other.Phases > MaxPhases ? MaxPhases : other.Phases;
            for (int i = 0; i < MaxPhases; i++)
            {
                CurrentA[i] = other.CurrentA[i];
                VoltageV[i] = other.VoltageV[i];
            }
        }
    }
}
