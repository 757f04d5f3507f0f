namespace Charger.Metering.Service
{
    /// <summary>A decoded reading was refused (implausible value or energy fault); <paramref name="reason"/> is for the log.</summary>
    public delegate void MeterReadingRefusedHandler(MeterPollFailure failure, string reason, long nowMs);
}
