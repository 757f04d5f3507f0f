using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Transactions;

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
            long nowUnixMs = _clock.IsSynchronized ? EpochTime.ToUtcMs(_clock.UtcAt(call.NowMs)) : -1;
            CertificateOperationResult result = _store.Install(use, call.Payload.GetString("certificate"), nowUnixMs);
            JsonWriter w = call.Response;
            w.BeginObject();
            CertificateResponses.WriteStatus(w, result);
            w.EndObject();
        }
    }
}
