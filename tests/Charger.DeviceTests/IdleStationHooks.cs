using Charger.Ocpp;

namespace Charger.DeviceTests
{
    /// <summary>A charger behind the OCPP client with nothing running: every hook is a no-op.</summary>
    public sealed class IdleStationHooks : IStationHooks
    {
        public bool SupportsEvseReset
        {
            get { return false; }
        }

        public bool IsTransactionRunning(int evseId)
        {
            return false;
        }

        public void Reset(bool immediate, int evseId)
        {
        }

        public void SetOperative(int evseId, int connectorId, bool operative)
        {
        }

        public bool TriggerMeterValues(int evseId)
        {
            return false;
        }

        public bool TriggerTransactionEvent(int evseId)
        {
            return false;
        }
    }
}
