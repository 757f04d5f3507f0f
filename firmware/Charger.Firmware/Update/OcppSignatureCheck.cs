using Charger.Ocpp.FirmwareManagement;
using Charger.Ota.Bundle;

namespace Charger.Firmware.Update
{
    /// <summary>
    /// The bundle signature check of an OCPP firmware update (L01.FR.04): the signature and signing
    /// certificate are the UpdateFirmware request's (its certificate already chained to a
    /// ManufacturerRootCertificate and checked against the installed CRLs), verified over the
    /// SHA-256 of the entire downloaded file, read back from the slot in chunks: what a CSMS operator
    /// makes with <c>openssl dgst -sha256 -sign key.pem bundle</c> and tools/BundleTool sign prints.
    /// A signature block embedded in the bundle does not decide: the CSMS's request does.
    /// </summary>
    public sealed class OcppSignatureCheck : IBundleSignatureCheck
    {
        private readonly FirmwareSignature _signature;

        public OcppSignatureCheck(FirmwareSignature signature)
        {
            _signature = signature;
        }

        public SignatureVerdict Check(IBundleSource bundle, byte[] manifestSha256, byte[] embeddedSignature, string embeddedCertificatePem)
        {
            string reason;
            if (_signature.VerifyDigest(BundleReader.FileSha256(bundle), out reason))
            {
                return SignatureVerdict.Accept("UpdateFirmware signature over the whole file by " + _signature.Certificate.Subject.ToString());
            }

            return SignatureVerdict.Reject(reason + " (signature over the whole file of " + bundle.Length + " bytes)");
        }
    }
}
