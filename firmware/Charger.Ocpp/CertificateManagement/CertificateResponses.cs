using Charger.Ocpp.Json;

namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>Shared pieces of the M03-M05 responses.</summary>
    internal static class CertificateResponses
    {
        // StatusInfoType: reasonCode at most 20 characters, additionalInfo at most 512.
        private const int MaxReasonCode = 20;
        private const int MaxAdditionalInfo = 512;

        public static void WriteStatus(JsonWriter w, CertificateOperationResult result)
        {
            w.Property("status", CertificateOperationStatusText.Of(result.Status));
            if (result.Status != CertificateOperationStatus.Accepted && result.ReasonCode != null)
            {
                w.Name("statusInfo");
                w.BeginObject();
                w.Property("reasonCode", Cut(result.ReasonCode, MaxReasonCode));
                if (result.Detail != null)
                {
                    w.Property("additionalInfo", Cut(result.Detail, MaxAdditionalInfo));
                }

                w.EndObject();
            }
        }

        public static void WriteHashData(JsonWriter w, CertificateHashData data)
        {
            w.BeginObject();
            w.Property("hashAlgorithm", data.HashAlgorithm);
            w.Property("issuerNameHash", data.IssuerNameHash);
            w.Property("issuerKeyHash", data.IssuerKeyHash);
            w.Property("serialNumber", data.SerialNumber);
            w.EndObject();
        }

        private static string Cut(string s, int max)
        {
            return s.Length > max ? s.Substring(0, max) : s;
        }
    }
}
