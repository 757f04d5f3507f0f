namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// The CSMS's answer to a WebSocket upgrade: accepted, or refused with the HTTP status a real
    /// server would send and a reason a technician can read.
    /// </summary>
    public sealed class ConnectionVerdict
    {
        /// <summary>RFC 6455: 101 Switching Protocols completes the upgrade.</summary>
        public const int SwitchingProtocols = 101;

        /// <summary>RFC 9110: the upgrade request itself is unacceptable (wrong subprotocol).</summary>
        public const int BadRequest = 400;

        /// <summary>RFC 9110 / RFC 7617: credentials missing or wrong (OCPP security profile 1 and 2).</summary>
        public const int Unauthorized = 401;

        private ConnectionVerdict(bool accepted, int httpStatus, string reason)
        {
            Accepted = accepted;
            HttpStatus = httpStatus;
            Reason = reason;
        }

        public bool Accepted { get; }

        public int HttpStatus { get; }

        public string Reason { get; }

        public static ConnectionVerdict Accept()
        {
            return new ConnectionVerdict(true, SwitchingProtocols, "accepted");
        }

        public static ConnectionVerdict Refuse(int httpStatus, string reason)
        {
            return new ConnectionVerdict(false, httpStatus, reason);
        }

        public override string ToString()
        {
            return (Accepted ? "accepted" : "refused") + " (HTTP " + HttpStatus + "): " + Reason;
        }
    }
}
