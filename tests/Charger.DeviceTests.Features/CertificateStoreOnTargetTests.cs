using Charger.Crypto;
using Charger.Hal.Sim;
using Charger.Ocpp.CertificateManagement;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// The certificate store of M03-M05 on the real runtime: install an openssl-made root, its hash
    /// data (values computed off the device with Python's hashlib over the same DER), delete, and
    /// the refusals (desktop: CertificateManagementTests).
    /// </summary>
    [TestClass]
    public class CertificateStoreOnTargetTests
    {
        // 2026-06-01T00:00:00Z: both test certificates are valid.
        private const long NowMs = 1780272000000L;

        private const string RootIssuerNameHash = "0e5ef25763b9ed90d158836f617dd00b33909ece2793a0c00d3812075256a11f";
        private const string RootIssuerKeyHash = "1a842a221a2654b7bf6e248b4c0b01137d12919f8e56f5e3c9a885a627c18a89";

        [TestMethod]
        public void InstallsListsAndDeletesARootWithTheRightHashData()
        {
            MemoryFileStore files = new MemoryFileStore();
            CertificateStore store = new CertificateStore(files, new ListLog(), 4);

            Assert.AreEqual((int)CertificateOperationStatus.Accepted, (int)store.Install(CertificateUse.ManufacturerRootCertificate, CryptoTestData.RootPem, NowMs).Status);
            InstalledCertificate[] roots = store.OfUse(CertificateUse.ManufacturerRootCertificate);
            Assert.AreEqual(1, roots.Length);
            CertificateHashData hash = roots[0].HashData("SHA256");
            Assert.AreEqual(RootIssuerNameHash, hash.IssuerNameHash);
            Assert.AreEqual(RootIssuerKeyHash, hash.IssuerKeyHash);
            Assert.AreEqual("a1b2c3d", hash.SerialNumber);

            // The firmware-signing leaf chains to the installed manufacturer root.
            string reason;
            Assert.IsTrue(CertificateChain.Verify(Pem.DecodeCertificate(CryptoTestData.LeafPem), null,
                store.TrustedRoots(CertificateUse.ManufacturerRootCertificate), NowMs, out reason));

            CertificateStore reloaded = new CertificateStore(files, new ListLog(), 4);
            reloaded.Load();
            Assert.AreEqual(1, reloaded.Count);

            CertificateHashData asked = new CertificateHashData("SHA256", RootIssuerNameHash.ToUpper(), RootIssuerKeyHash, "0A1B2C3D");
            Assert.AreEqual((int)CertificateOperationStatus.Accepted, (int)reloaded.Delete(asked).Status);
            Assert.AreEqual(0, reloaded.Count);
            Assert.AreEqual((int)CertificateOperationStatus.NotFound, (int)reloaded.Delete(asked).Status);
        }

        [TestMethod]
        public void RefusesALeafAnExpiredRootAndGarbage()
        {
            CertificateStore store = new CertificateStore(new MemoryFileStore(), new ListLog(), 4);
            CertificateOperationResult leaf = store.Install(CertificateUse.CSMSRootCertificate, CryptoTestData.LeafPem, NowMs);
            Assert.AreEqual((int)CertificateOperationStatus.Rejected, (int)leaf.Status);
            Assert.AreEqual("InvalidCertificate", leaf.ReasonCode);

            CertificateOperationResult expired = store.Install(CertificateUse.CSMSRootCertificate, CryptoTestData.RootPem, CryptoTestData.RootNotAfterMs + 1);
            Assert.AreEqual("CertificateExpired", expired.ReasonCode);

            CertificateOperationResult garbage = store.Install(CertificateUse.CSMSRootCertificate, "-----BEGIN CERTIFICATE-----\n@@@\n-----END CERTIFICATE-----", NowMs);
            Assert.AreEqual("InvalidFormat", garbage.ReasonCode);
            Assert.AreEqual(0, store.Count);
        }
    }
}
