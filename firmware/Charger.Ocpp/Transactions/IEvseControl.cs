namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// What the transaction and authorization services ask of the charger, per EVSE. The firmware
    /// implements it over its charge controller; OCPP never sees pilots or contactors. Called
    /// inside the OCPP tick (or inside a call the firmware made into the services).
    /// </summary>
    public interface IEvseControl
    {
        /// <summary>
        /// Energy may (true) or may no longer (false) be offered on the EVSE: a token was accepted,
        /// or an authorization ended, lapsed (EVConnectionTimeOut) or was refused by the CSMS.
        /// </summary>
        void Authorize(int evseId, bool authorized);

        /// <summary>A presented token was refused; <paramref name="status"/> is the AuthorizationStatus, for the display.</summary>
        void TokenRejected(int evseId, string status);

        /// <summary>Stop charging on the EVSE (local or remote stop, CSMS refused the token): open the power path.</summary>
        void RequestStop(int evseId);

        /// <summary>UnlockConnector (F05): release the connector lock if the hardware can.</summary>
        UnlockStatus Unlock(int evseId, int connectorId);

        /// <summary>Whether a vehicle is plugged in (pilot state B or C) now; read at boot for power-loss recovery.</summary>
        bool IsEvConnected(int evseId);
    }
}
