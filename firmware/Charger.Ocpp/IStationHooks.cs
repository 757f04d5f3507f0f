namespace Charger.Ocpp
{
    /// <summary>
    /// What the OCPP client asks of the charger. The firmware implements it over its charge
    /// controller; the OCPP library never sees pilots or contactors. Called inside the tick.
    /// </summary>
    public interface IStationHooks
    {
        /// <summary>Whether a transaction runs on <paramref name="evseId"/> (0: on any EVSE).</summary>
        bool IsTransactionRunning(int evseId);

        /// <summary>Whether a single EVSE can be reset without the whole station (B11/B12 with evseId).</summary>
        bool SupportsEvseReset { get; }

        /// <summary>
        /// Perform a reset now: end running transactions on the scope (stoppedReason ImmediateReset
        /// when <paramref name="immediate"/>) and restart the station (<paramref name="evseId"/> 0) or the EVSE.
        /// Called after the ResetResponse has been sent.
        /// </summary>
        void Reset(bool immediate, int evseId);

        /// <summary>
        /// Make a scope operative or inoperative (ChangeAvailability, G03/G04): evseId 0 is the
        /// station, connectorId 0 the whole EVSE. An inoperative scope offers no charging.
        /// </summary>
        void SetOperative(int evseId, int connectorId, bool operative);

        /// <summary>TriggerMessage MeterValues: queue a MeterValues for the EVSE (0: all). False when not possible.</summary>
        bool TriggerMeterValues(int evseId);

        /// <summary>TriggerMessage TransactionEvent: queue a TransactionEvent (Trigger) for the EVSE's transaction. False when none.</summary>
        bool TriggerTransactionEvent(int evseId);
    }
}
