namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// One Energy.Active.Import.Register value the station reported, converted to Wh (unit kWh and
    /// the power-of-ten multiplier of the sampled value's unitOfMeasure applied).
    /// </summary>
    public sealed class EnergyReading
    {
        public EnergyReading(int seqNo, long receivedAtMs, string timestamp, double energyWh, string context)
        {
            SeqNo = seqNo;
            ReceivedAtMs = receivedAtMs;
            Timestamp = timestamp;
            EnergyWh = energyWh;
            Context = context;
        }

        /// <summary>seqNo of the TransactionEvent that carried it; -1 for a MeterValues message.</summary>
        public int SeqNo { get; }

        public long ReceivedAtMs { get; }

        /// <summary>The meterValue timestamp as the station wrote it.</summary>
        public string Timestamp { get; }

        public double EnergyWh { get; }

        /// <summary>ReadingContext of the sampled value (Transaction.Begin, Sample.Periodic, ...), or null.</summary>
        public string Context { get; }
    }
}
