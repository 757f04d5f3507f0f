namespace Charger.Ocpp.Transactions
{
    /// <summary>What to do with a transaction found open after a reboot.</summary>
    public enum RecoveryAction
    {
        /// <summary>Queue TransactionEvent Ended with stoppedReason PowerLoss and the last known energy.</summary>
        EndWithPowerLoss = 0,

        /// <summary>Keep the transaction open and continue its seqNo sequence.</summary>
        Resume = 1,
    }
}
