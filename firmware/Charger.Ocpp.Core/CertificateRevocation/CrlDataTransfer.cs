using Charger.Hal;
using Charger.Ocpp.DataTransfer;
using Charger.Ocpp.Json;

namespace Charger.Ocpp.CertificateRevocation
{
    /// <summary>
    /// How a CSMS gives the station a CRL (OCPP 2.0.1 has no message for it; a product decision, see
    /// the README): DataTransfer with vendorId <see cref="VendorId"/>, messageId
    /// <see cref="InstallMessageId"/> and data the CRL as PEM text ("-----BEGIN X509 CRL-----").
    /// Answered Accepted when installed (data: what was installed), Rejected with statusInfo
    /// (reasonCode and the reason) when not; any other messageId is UnknownMessageId.
    /// </summary>
    public sealed class CrlDataTransfer : IDataTransferHandler
    {
        public const string VendorId = "org.chargerfirmware";
        public const string InstallMessageId = "InstallCrl";
        private const string Component = "ocpp.crl";

        private readonly CrlStore _crls;
        private readonly ICrlIssuerSource _issuers;
        private readonly ILog _log;

        public CrlDataTransfer(CrlStore crls, ICrlIssuerSource issuers, ILog log)
        {
            _crls = crls;
            _issuers = issuers;
            _log = log;
        }

        public string Handle(string messageId, JsonValue data, long nowMs, JsonWriter responseData, out string reasonCode, out string additionalInfo)
        {
            reasonCode = null;
            additionalInfo = null;
            if (object.ReferenceEquals(messageId, null) || messageId != InstallMessageId)
            {
                reasonCode = "UnknownMessageId";
                additionalInfo = "vendor " + VendorId + " knows messageId " + InstallMessageId;
                return "UnknownMessageId";
            }

            CrlInstallResult result;
            if (data == null || data.Kind != JsonValueKind.String)
            {
                result = CrlInstallResult.Refused("NoCrl", "data must be the CRL as a PEM string");
            }
            else
            {
                result = _crls.InstallPem(data.Text, _issuers.CrlIssuers(), _issuers.UnixMsAt(nowMs));
            }

            if (!result.Accepted)
            {
                _log.Write(LogLevel.Warning, Component, "DataTransfer " + InstallMessageId + " rejected: " + result.Reason);
                reasonCode = result.ReasonCode;
                additionalInfo = result.Reason;
                return "Rejected";
            }

            responseData.String(JsonWriter.Truncate(result.Reason, 512));
            return "Accepted";
        }
    }
}
