using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>DeleteCertificate (M04): Accepted (M04.FR.02), NotFound (M04.FR.04), Failed for the last CSMS root.</summary>
    public sealed class DeleteCertificateHandler : IIncomingCallHandler
    {
        private readonly CertificateStore _store;

        public DeleteCertificateHandler(CertificateStore store)
        {
            _store = store;
        }

        public void Handle(IncomingCall call)
        {
            JsonValue h = call.Payload.Get("certificateHashData");
            CertificateHashData data = new CertificateHashData(
                h.GetString("hashAlgorithm"), h.GetString("issuerNameHash"), h.GetString("issuerKeyHash"), h.GetString("serialNumber"));
            CertificateOperationResult result = _store.Delete(data);
            JsonWriter w = call.Response;
            w.BeginObject();
            CertificateResponses.WriteStatus(w, result);
            w.EndObject();
        }
    }
}
