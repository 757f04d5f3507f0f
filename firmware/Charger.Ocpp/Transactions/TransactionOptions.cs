namespace Charger.Ocpp.Transactions
{
    /// <summary>Board-level choices of the transaction service that the device model does not hold.</summary>
    public sealed class TransactionOptions
    {
        /// <summary>Resume rules after a power cut; the default ends every interrupted transaction with PowerLoss.</summary>
        public PowerLossConfig PowerLoss = new PowerLossConfig();

        /// <summary>Bound of the persistent queue in messages (E11.FR.05: beyond it intermediate Updated events are thinned).</summary>
        public int QueueMaxMessages = 500;

        /// <summary>Bound of the persistent queue in bytes of the file store.</summary>
        public int QueueMaxBytes = 256 * 1024;
    }
}
