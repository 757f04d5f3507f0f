using Charger.Crypto;
using Charger.Hal.Sim;
using Charger.Ocpp.CertificateRevocation;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// Certificate revocation on the real runtime: an openssl-made CRL parsed by Charger.Crypto, its
    /// ECDSA signature checked against its CA, the revoked serial found, and the CRL store's
    /// install, reload and refusals (desktop: CrlTests, FirmwareRevocationTests).
    /// </summary>
    [TestClass]
    public class CrlOnTargetTests
    {
        // 2026-06-01T00:00:00Z: after the CRL's thisUpdate, before its nextUpdate.
        private const long NowMs = 1780272000000L;

        private static byte[][] Ca()
        {
            return new byte[][] { Pem.DecodeCertificate(CrlTestData.CaPem) };
        }

        [TestMethod]
        public void AnOpensslCrlIsReadVerifiedWithItsCaAndListsTheRevokedSigner()
        {
            X509Crl crl = X509Crl.ParsePem(CrlTestData.CrlPem);
            Assert.AreEqual(2, crl.Version);
            Assert.AreEqual("CN=CRL Test CA", crl.Issuer.ToString());
            Assert.AreEqual(1, crl.RevokedSerials.Length);
            Assert.AreEqual(5, (int)crl.CrlNumber[0]);
            Assert.IsFalse(crl.IsExpiredAt(NowMs));
            string reason;
            Assert.IsNotNull(crl.FindIssuer(Ca(), out reason), "issuer refused: " + reason);

            X509Certificate signer = X509Certificate.Parse(Pem.DecodeCertificate(CrlTestData.SignerPem));
            Assert.AreEqual("2002", signer.SerialNumberHex);
            Assert.IsTrue(crl.Lists(signer));
            Assert.IsFalse(crl.Lists(X509Certificate.Parse(Ca()[0])));
        }

        [TestMethod]
        public void ACrlWithAChangedSignatureOrOfAnotherIssuerFindsNoIssuer()
        {
            byte[] der = Pem.DecodeAll(CrlTestData.CrlPem, X509Crl.PemLabel)[0];
            der[der.Length - 3] ^= 0x01;
            string reason;
            Assert.IsNull(X509Crl.Parse(der).FindIssuer(Ca(), out reason));
            Assert.IsTrue(reason.IndexOf("does not verify") >= 0, reason);

            Assert.IsNull(X509Crl.ParsePem(CrlTestData.CrlPem).FindIssuer(new byte[][] { Pem.DecodeCertificate(CryptoTestData.RootPem) }, out reason));
            Assert.IsTrue(reason.IndexOf("no installed certificate is named") >= 0, reason);
        }

        [TestMethod]
        public void TheStoreInstallsAVerifiedCrlKeepsItAcrossAReloadAndRefusesGarbageWithAReason()
        {
            MemoryFileStore files = new MemoryFileStore();
            CrlStore store = new CrlStore(files, new ListLog(), 2);
            X509Certificate signer = X509Certificate.Parse(Pem.DecodeCertificate(CrlTestData.SignerPem));
            Assert.IsNull(store.RevocationOf(signer, NowMs));

            CrlInstallResult garbage = store.InstallPem("-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n", Ca(), NowMs);
            Assert.IsFalse(garbage.Accepted);
            Assert.AreEqual("Malformed", garbage.ReasonCode);
            CrlInstallResult untrusted = store.InstallPem(CrlTestData.CrlPem, new byte[][] { Pem.DecodeCertificate(CryptoTestData.RootPem) }, NowMs);
            Assert.AreEqual("UntrustedIssuer", untrusted.ReasonCode);
            Assert.AreEqual(0, store.Count);

            CrlInstallResult installed = store.InstallPem(CrlTestData.CrlPem, Ca(), NowMs);
            Assert.IsTrue(installed.Accepted, installed.Reason);
            CrlStore reloaded = new CrlStore(files, new ListLog(), 2);
            reloaded.Load();
            Assert.AreEqual(1, reloaded.Count);
            string revoked = reloaded.RevocationOf(signer, NowMs);
            Assert.IsNotNull(revoked);
            Assert.IsTrue(revoked.IndexOf("serial 2002") >= 0, revoked);
        }
    }
}
