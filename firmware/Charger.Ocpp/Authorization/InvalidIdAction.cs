namespace Charger.Ocpp.Authorization
{
    /// <summary>What to do with a running transaction when the CSMS refuses its token (E05).</summary>
    public enum InvalidIdAction
    {
        /// <summary>The token is Accepted: nothing to do.</summary>
        Continue = 0,

        /// <summary>End the transaction: triggerReason Deauthorized, stoppedReason DeAuthorized (StopTxOnInvalidId true).</summary>
        StopTransaction = 1,

        /// <summary>Keep the transaction, stop energy transfer (StopTxOnInvalidId false, no MaxEnergyOnInvalidId).</summary>
        SuspendEnergy = 2,

        /// <summary>Keep charging until the transaction has delivered MaxEnergyOnInvalidId Wh, then stop energy.</summary>
        LimitEnergy = 3,
    }
}
