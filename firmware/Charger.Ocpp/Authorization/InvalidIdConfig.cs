namespace Charger.Ocpp.Authorization
{
    /// <summary>TxCtrlr variables for a token refused after the transaction started; the device model writes them.</summary>
    public sealed class InvalidIdConfig
    {
        /// <summary>TxCtrlr.StopTxOnInvalidId.</summary>
        public bool StopTxOnInvalidId = true;

        /// <summary>TxCtrlr.MaxEnergyOnInvalidId in Wh; 0 or less when not configured.</summary>
        public long MaxEnergyOnInvalidIdWh;
    }
}
