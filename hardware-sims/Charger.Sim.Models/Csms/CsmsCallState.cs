namespace Charger.Sim.Models.Csms
{
    public enum CsmsCallState
    {
        /// <summary>Waiting: another CALL is outstanding, or the station is not connected/registered.</summary>
        Queued = 0,

        /// <summary>On the wire, waiting for CALLRESULT or CALLERROR.</summary>
        Sent = 1,

        /// <summary>CALLRESULT received.</summary>
        Completed = 2,

        /// <summary>CALLERROR received.</summary>
        Failed = 3,

        /// <summary>No answer within the CSMS call timeout.</summary>
        TimedOut = 4,

        /// <summary>The connection closed while the CALL was outstanding.</summary>
        ConnectionLost = 5,
    }
}
