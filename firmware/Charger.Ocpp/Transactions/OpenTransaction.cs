namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// What the station must remember of a running transaction to end it correctly after a power
    /// cut: its identity, the token, and where its event sequence and energy register stood.
    /// Persisted by <see cref="TransactionJournal"/> on every event.
    /// </summary>
    public sealed class OpenTransaction
    {
        public string TransactionId;
        public int EvseId;
        public int ConnectorId;

        /// <summary>idToken.idToken of the token that authorized the transaction; null before authorization.</summary>
        public string IdToken;

        /// <summary>idToken.type (IdTokenEnumType name, e.g. "ISO14443").</summary>
        public string IdTokenType;

        /// <summary>Wall-clock start (Unix epoch ms, UTC) as the OCPP clock knew it; 0 when unknown.</summary>
        public long StartedAtUtcMs;

        /// <summary>Highest energy register reading reported for the transaction.</summary>
        public long LastEnergyWh;

        /// <summary>seqNo the next TransactionEvent of this transaction must carry (E §1.3.2.1: from 0, no gaps).</summary>
        public int NextSeqNo;

        public OpenTransaction Copy()
        {
            OpenTransaction copy = new OpenTransaction();
            copy.TransactionId = TransactionId;
            copy.EvseId = EvseId;
            copy.ConnectorId = ConnectorId;
            copy.IdToken = IdToken;
            copy.IdTokenType = IdTokenType;
            copy.StartedAtUtcMs = StartedAtUtcMs;
            copy.LastEnergyWh = LastEnergyWh;
            copy.NextSeqNo = NextSeqNo;
            return copy;
        }
    }
}
