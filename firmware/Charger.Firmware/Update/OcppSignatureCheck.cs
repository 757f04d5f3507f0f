using Charger.Ocpp.FirmwareManagement;
using Charger.Ota.Bundle;

namespace Charger.Firmware.Update
{
    /// <summary>
    /// The bundle signature check of an OCPP firmware update: the signature and signing certificate
    /// are the UpdateFirmware request's (its certificate already chained to a ManufacturerRootCertificate),
    /// verified over the bundle's manifest SHA-256, which is what tools/BundleTool signs. A signature
    /// block inside the bundle is not what decides: the CSMS's request is.
    /// </summary>
    public sealed class OcppSignatureCheck : IBundleSignatureCheck
    {
        private readonly FirmwareSignature _signature;

        public OcppSignatureCheck(FirmwareSignature signature)
        {
            _signature = signature;
        }

        public SignatureVerdict Check(byte[] manifestSha256, byte[] signature, string signingCertificatePem)
        {
            string reason;
            if (_signature.VerifyDigest(manifestSha256, out reason))
            {
                return SignatureVerdict.Accept("UpdateFirmware signature by " + _signature.Certificate.Subject.ToString());
            }

            return SignatureVerdict.Reject(reason);
        }
    }
}
