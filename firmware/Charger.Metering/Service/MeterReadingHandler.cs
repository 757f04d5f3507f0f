namespace Charger.Metering.Service
{
    /// <summary>Raised with each accepted reading (a fresh object the receiver may keep).</summary>
    public delegate void MeterReadingHandler(MeterReading reading);
}
