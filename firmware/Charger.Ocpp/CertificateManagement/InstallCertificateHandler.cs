using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>InstallCertificate (M05): Accepted (M05.FR.02), Rejected for a certificate that is not a valid root, Failed when it cannot be stored (M05.FR.03).</summary>
    public sealed class InstallCertificateHandler : IIncomingCallHandler
    {
        private readonly CertificateStore _store;
        private readonly StationClock _clock;

        public InstallCertificateHandler(CertificateStore store, StationClock clock)
        {
            _store = store;
            _clock = clock;
        }

        public void Handle(IncomingCall call)
        {
            CertificateUse use;
            if (!CertificateUseText.TryParse(call.Payload.GetString("certificateType"), out use))
            {
                use = CertificateUse.V2GCertificateChain; // not installable: the schema admits only the four root types
            }

            // Validity is checked against the station clock once the CSMS or an RTC has set it.
            long nowUnixMs = _clock.IsSynchronized ? UnixMs(_clock.UtcAt(call.NowMs)) : -1;
            CertificateOperationResult result = _store.Install(use, call.Payload.GetString("certificate"), nowUnixMs);
            JsonWriter w = call.Response;
            w.BeginObject();
            CertificateResponses.WriteStatus(w, result);
            w.EndObject();
        }

        internal static long UnixMs(System.DateTime utc)
        {
            // DateTime ticks are 100 ns since 0001-01-01; 621355968000000000 of them is 1970-01-01.
            return (utc.Ticks - 621355968000000000L) / 10000;
        }
    }
}
