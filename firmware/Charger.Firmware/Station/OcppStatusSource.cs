using Charger.Firmware.Console;
using Charger.Ocpp;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Transactions;
using Charger.Ocpp.Transport;

namespace Charger.Firmware.Station
{
    /// <summary>The console's <c>ocpp</c> and <c>status</c> lines for the OCPP client.</summary>
    public sealed class OcppStatusSource : IConsoleStatusSource
    {
        private readonly OcppStation _ocpp;
        private readonly OcppBridge _bridge;
        private readonly TracingWebSocket _trace;
        private readonly Charger.Hal.IClock _clock;

        public OcppStatusSource(OcppStation ocpp, OcppBridge bridge, TracingWebSocket trace, Charger.Hal.IClock clock)
        {
            _ocpp = ocpp;
            _bridge = bridge;
            _trace = trace;
            _clock = clock;
        }

        public int ReadLines(ConsoleTopic topic, string[] destination)
        {
            if (destination.Length == 0)
            {
                return 0;
            }

            if (topic == ConsoleTopic.Transaction)
            {
                destination[0] = _ocpp.Transactions.HasTransaction(OcppBridge.EvseId)
                    ? "transaction " + _ocpp.Transactions.TransactionIdOf(OcppBridge.EvseId) + ", " + ChargingStateText.Of(_ocpp.Transactions.StateOf(OcppBridge.EvseId).State)
                    : "transaction: none";
                return 1;
            }

            long nowMs = _clock.NowMs;
            if (topic == ConsoleTopic.Crls)
            {
                return Crls(destination, nowMs);
            }

            destination[0] = "ocpp " + ConnectionStateText.Of(_ocpp.Connection.State) + (_ocpp.IsOffline(nowMs) ? " (offline)" : "")
                + ", registration " + RegistrationStateText.Of(_ocpp.Registration.State) + ", connector " + ConnectorStatusText.Of(_bridge.ReportedStatus);
            int n = 1;
            if (n < destination.Length)
            {
                destination[n++] = "csms " + _ocpp.Connection.Url;
            }

            if (n < destination.Length)
            {
                destination[n++] = "calls queued " + _ocpp.Rpc.QueuedCalls + ", connect attempts " + _ocpp.Connection.Attempts
                    + " (" + _ocpp.Connection.FailedAttempts + " failed), frames dropped " + _ocpp.Rpc.DroppedInboundFrames;
            }

            if (n < destination.Length && _trace.RecentCount > 0)
            {
                destination[n++] = "last messages (> to CSMS, < from CSMS), trace " + (_trace.Enabled ? "on" : "off") + ":";
                n += _trace.CopyRecent(destination, n);
            }

            return n;
        }

        private int Crls(string[] destination, long nowMs)
        {
            // DateTime ticks are 100 ns since 0001-01-01; 621355968000000000 of them is 1970-01-01.
            long nowUnixMs = (_ocpp.Clock.UtcAt(nowMs).Ticks - 621355968000000000L) / 10000;
            string[] lines = _ocpp.Crls.Describe(nowUnixMs);
            destination[0] = "crls: " + lines.Length + " installed (at most " + _ocpp.Crls.Capacity + " issuers)";
            int n = 1;
            for (int i = 0; i < lines.Length && n < destination.Length; i++)
            {
                destination[n++] = lines[i];
            }

            return n;
        }
    }
}
