namespace Charger.Sim.Models.Csms
{
    /// <summary>A station's attempt to open its OCPP WebSocket, and what the CSMS decided.</summary>
    public sealed class ConnectionAttempt
    {
        public ConnectionAttempt(long timeMs, string stationId, string subprotocol, ConnectionVerdict verdict)
        {
            TimeMs = timeMs;
            StationId = stationId;
            Subprotocol = subprotocol;
            Verdict = verdict;
        }

        public long TimeMs { get; }

        public string StationId { get; }

        public string Subprotocol { get; }

        public ConnectionVerdict Verdict { get; }
    }
}
