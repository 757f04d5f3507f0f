using Charger.Firmware.Charging;

namespace Charger.Firmware.Safety
{
    /// <summary>
    /// What the charge-control core reports to the OCPP layer (StatusNotification, NotifyEvent) and
    /// the console. Called from inside Tick: implementations only record or enqueue, never block.
    /// </summary>
    public interface IChargerEvents
    {
        /// <param name="latched">True when only a manual reset will clear it.</param>
        void FaultRaised(FaultCode code, string reason, bool latched, long nowMs);

        /// <param name="how">"auto-retry 1 of 6", "condition gone", "EV unplugged", "manual reset".</param>
        void FaultCleared(FaultCode code, string how, long nowMs);

        void StateChanged(IecState previous, IecState current, long nowMs);
    }
}
