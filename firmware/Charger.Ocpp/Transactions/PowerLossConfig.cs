namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// How the station treats a transaction interrupted by a power cut. OCPP 2.0.1 ends it
    /// (stoppedReason PowerLoss); resuming is a station option (as OCPP 2.1 E17 later formalised).
    /// </summary>
    public sealed class PowerLossConfig
    {
        /// <summary>Resume instead of ending, when the EV is still connected after the reboot.</summary>
        public bool ResumeAfterPowerLoss;

        /// <summary>Longest outage (ms of wall clock) after which a resume is no longer allowed; 0 for no limit.</summary>
        public long MaxResumeGapMs;
    }
}
