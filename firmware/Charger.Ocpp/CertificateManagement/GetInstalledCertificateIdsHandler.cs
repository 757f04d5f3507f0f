using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>
    /// GetInstalledCertificateIds (M03): the hash data (SHA-256) of every installed certificate of
    /// the asked types (all types when none is given); NotFound when there is none.
    /// </summary>
    public sealed class GetInstalledCertificateIdsHandler : IIncomingCallHandler
    {
        private const string HashAlgorithm = "SHA256";

        private readonly CertificateStore _store;

        public GetInstalledCertificateIdsHandler(CertificateStore store)
        {
            _store = store;
        }

        public void Handle(IncomingCall call)
        {
            JsonValue types = call.Payload.Get("certificateType");
            bool[] wanted = new bool[(int)CertificateUse.V2GCertificateChain + 1];
            for (int i = 0; i < wanted.Length; i++)
            {
                wanted[i] = types == null;
            }

            for (int i = 0; types != null && i < types.Count; i++)
            {
                CertificateUse use;
                if (CertificateUseText.TryParse(types[i].Text, out use))
                {
                    wanted[(int)use] = true;
                }
            }

            JsonWriter w = call.Response;
            w.BeginObject();
            int found = 0;
            for (int u = 0; u < wanted.Length; u++)
            {
                if (!wanted[u])
                {
                    continue;
                }

                InstalledCertificate[] certs = _store.OfUse((CertificateUse)u);
                for (int i = 0; i < certs.Length; i++)
                {
                    if (found == 0)
                    {
                        w.Property("status", "Accepted");
                        w.Name("certificateHashDataChain");
                        w.BeginArray();
                    }

                    found++;
                    w.BeginObject();
                    w.Property("certificateType", CertificateUseText.Of(certs[i].Use));
                    w.Name("certificateHashData");
                    CertificateResponses.WriteHashData(w, certs[i].HashData(HashAlgorithm));
                    w.EndObject();
                }
            }

            if (found == 0)
            {
                w.Property("status", "NotFound");
            }
            else
            {
                w.EndArray();
            }

            w.EndObject();
        }
    }
}
