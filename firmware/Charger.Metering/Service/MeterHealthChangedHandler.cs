namespace Charger.Metering.Service
{
    /// <summary>Raised when the meter's health changes, e.g. to log it or report a StatusNotification.</summary>
    public delegate void MeterHealthChangedHandler(MeterHealth previous, MeterHealth current, long nowMs);
}
