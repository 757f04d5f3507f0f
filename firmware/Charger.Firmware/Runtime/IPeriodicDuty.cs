namespace Charger.Firmware.Runtime
{
    /// <summary>Slower work with its own period: meter poll, thermal, OCPP pump, persistence.</summary>
    public interface IPeriodicDuty
    {
        void Run(long nowMs);
    }
}
