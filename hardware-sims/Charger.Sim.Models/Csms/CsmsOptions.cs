namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// How the built-in CSMS behaves. Properties may be changed between runs of the scenario
    /// (a scenario line can switch the boot status to Pending, for instance).
    /// </summary>
    public sealed class CsmsOptions
    {
        /// <summary>OCPP 2.0.1 B01: "ocpp2.0.1" is the only subprotocol this CSMS speaks.</summary>
        public const string Subprotocol = "ocpp2.0.1";

        public CsmsOptions()
        {
            BootStatus = "Accepted";
            HeartbeatIntervalS = 300;
            BootRetryIntervalS = 10;
            CallTimeoutMs = 30000;
            MaxFrameLogEntries = 200000;
            MaxQueuedCallsPerStation = 256;
            RejectRequestsBeforeAccepted = true;
        }

        /// <summary>RegistrationStatusEnumType answered to BootNotification: Accepted, Pending or Rejected.</summary>
        public string BootStatus { get; set; }

        /// <summary>BootNotification interval when Accepted: the heartbeat interval (B01.FR.04).</summary>
        public int HeartbeatIntervalS { get; set; }

        /// <summary>BootNotification interval when Pending or Rejected: when the station may try again (B02, B03).</summary>
        public int BootRetryIntervalS { get; set; }

        /// <summary>
        /// Security profile 1/2 HTTP Basic password (user = station id). Null or empty: no
        /// authentication (security profile 0, test setups only).
        /// </summary>
        public string BasicAuthPassword { get; set; }

        /// <summary>How long a CSMS CALL may wait for its answer before it is recorded TimedOut.</summary>
        public int CallTimeoutMs { get; set; }

        /// <summary>Bound of the frame log; frames beyond it are counted in BuiltInCsms.DroppedLogEntries.</summary>
        public int MaxFrameLogEntries { get; set; }

        /// <summary>
        /// B02.FR.09 / B03.FR.07: while a station is not Accepted, answer its requests other than
        /// BootNotification (and, while Pending, the ones the CSMS triggered or asked a report for)
        /// with CALLERROR SecurityError. When false they are answered; counted in
        /// StationRecord.RequestsBeforeAccepted either way.
        /// </summary>
        public bool RejectRequestsBeforeAccepted { get; set; }

        /// <summary>Bound of the per-station queue of scripted CALLs waiting their turn.</summary>
        public int MaxQueuedCallsPerStation { get; set; }
    }
}
