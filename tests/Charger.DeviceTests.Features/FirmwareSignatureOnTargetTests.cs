using System;
using System.Text;
using Charger.Crypto;
using Charger.Firmware.Update;
using Charger.Ocpp.FirmwareManagement;
using Charger.Ota.Bundle;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// The secure firmware update's signature check (OCPP L01) on the real runtime: the signing
    /// certificate chained to the ManufacturerRootCertificate with Charger.Crypto, the RSA signature
    /// verified over the SHA-256 of the whole bundle file (L01.FR.04) through the Ota bundle reader,
    /// refusals for a tampered manifest, a changed payload byte and an untrusted certificate, and the update record that survives reboots. The time of
    /// the whole check is printed as "firmware: ...: N ms".
    /// </summary>
    [TestClass]
    public class FirmwareSignatureOnTargetTests
    {
        // 2026-06-01T00:00:00Z in ms since 1970: inside the test PKI's validity (2025..2044).
        private const long NowUnixMs = 1780272000000L;

        // What SimFirmware.BuildBundle("0.2.0", StationEntry, 600) builds on the desktop, in the device subset.
        private static byte[] Bundle(string version)
        {
            BundleManifest manifest = new BundleManifest();
            manifest.FormatVersion = BundleReader.FormatVersion;
            manifest.FirmwareVersion = version;
            manifest.Board = "SIM";
            manifest.MinBootVersion = 1;
            manifest.EntryType = "Charger.Firmware.Station.ChargingStation";
            string[] names = new string[] { "Charger.Firmware.pe", "Charger.Device.pe" };
            byte[][] files = new byte[2][];
            for (int i = 0; i < files.Length; i++)
            {
                files[i] = new byte[300 + i];
                byte[] seed = Encoding.UTF8.GetBytes(version + "/" + names[i]);
                for (int j = 0; j < files[i].Length; j++)
                {
                    files[i][j] = (byte)(seed[j % seed.Length] ^ (j * 31));
                }
            }

            return BundleWriter.Build(manifest, names, files);
        }

        private static byte[][] Roots()
        {
            return new byte[][] { Pem.DecodeCertificate(FirmwareTestData.ManufacturerRootPem) };
        }

        private static FirmwareSignature Signature(string signature)
        {
            string why;
            FirmwareSignature checkedCertificate = FirmwareSignature.CheckCertificate(FirmwareTestData.SignerPem, Roots(), NowUnixMs, out why);
            Assert.IsNotNull(checkedCertificate, "signer refused: " + why);
            FirmwareSignature withSignature = checkedCertificate.WithSignature(signature, out why);
            Assert.IsNotNull(withSignature, "signature refused: " + why);
            return withSignature;
        }

        [TestMethod]
        public void TheManufacturersSignatureOverTheWholeBundleFileVerifiesThroughTheChainAndIsMeasured()
        {
            byte[] bundle = Bundle("0.2.0");
            long start = DateTime.UtcNow.Ticks;
            FirmwareSignature signature = Signature(FirmwareTestData.FileSignature);
            BundleReader reader = BundleReader.Open(new ByteArrayBundleSource(bundle));
            reader.CheckSignature(new OcppSignatureCheck(signature));
            reader.VerifyFiles();
            long ms = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            OutputHelper.WriteLine("firmware: chain and RSA-2048 signature of a bundle: " + ms.ToString() + " ms");
            Assert.AreEqual("0.2.0", reader.Manifest.FirmwareVersion);
        }

        [TestMethod]
        public void ABundleWhoseManifestDiffersFromTheSignedOneIsRefusedAsASignatureFailure()
        {
            BundleReader reader = BundleReader.Open(new ByteArrayBundleSource(Bundle("0.2.1")));
            BundleError error = BundleError.None;
            try
            {
                reader.CheckSignature(new OcppSignatureCheck(Signature(FirmwareTestData.FileSignature)));
            }
            catch (BundleException e)
            {
                error = e.Error;
            }

            Assert.IsTrue(error == BundleError.SignatureRejected, "a changed manifest must fail the signature, got " + BundleErrorText.Of(error));
        }

        [TestMethod]
        public void ABytePastTheManifestChangedInAPayloadFailsTheSignatureOverTheWholeFile()
        {
            byte[] bundle = Bundle("0.2.0");
            BundleReader reader = BundleReader.Open(new ByteArrayBundleSource(bundle));
            bundle[(int)reader.PayloadOffset + 7] ^= 0x01;
            SignatureVerdict verdict = new OcppSignatureCheck(Signature(FirmwareTestData.FileSignature)).Check(new ByteArrayBundleSource(bundle), null, null, null);
            Assert.IsFalse(verdict.Accepted, "a changed payload byte must fail the signature");
        }

        [TestMethod]
        public void ASignatureWithOneBitFlippedDoesNotVerify()
        {
            byte[] raw = Convert.FromBase64String(FirmwareTestData.FileSignature);
            raw[raw.Length / 2] ^= 0x10;
            FirmwareSignature signature = Signature(Convert.ToBase64String(raw));
            string why;
            Assert.IsFalse(signature.VerifyDigest(BundleReader.FileSha256(new ByteArrayBundleSource(Bundle("0.2.0"))), out why));
            Assert.IsNotNull(why);
        }

        [TestMethod]
        public void ASigningCertificateOfAnotherRootOrOutOfItsValidityIsRefused()
        {
            string why;
            Assert.IsNull(FirmwareSignature.CheckCertificate(CryptoTestData.RootPem, Roots(), NowUnixMs, out why));
            Assert.IsNotNull(why);
            // 2046: after the signer's notAfter.
            Assert.IsNull(FirmwareSignature.CheckCertificate(FirmwareTestData.SignerPem, Roots(), 2398377600000L, out why));
            Assert.IsNull(FirmwareSignature.CheckCertificate(FirmwareTestData.SignerPem, new byte[0][], NowUnixMs, out why));
        }

        [TestMethod]
        public void TheUpdateRecordKeepsEveryFieldAcrossEncodeAndDecodeAndRefusesACutOne()
        {
            FirmwareUpdateRecord r = new FirmwareUpdateRecord();
            r.Phase = 3;
            r.RequestId = 42;
            r.Location = "http://example.test/fw/charger-0.2.0.cfwb";
            r.RetrieveTicks = 639000000000000000L;
            r.InstallTicks = 0;
            r.RetriesLeft = 2;
            r.RetryIntervalS = 30;
            r.ImageStarted = true;
            r.CertificatePem = FirmwareTestData.SignerPem;
            r.SignatureBase64 = FirmwareTestData.FileSignature;
            r.TargetVersion = "0.2.0";
            r.LastStatus = FirmwareStatus.Downloading;
            byte[] data = r.Encode();
            FirmwareUpdateRecord back = FirmwareUpdateRecord.Decode(data);
            Assert.IsNotNull(back);
            Assert.AreEqual(42, back.RequestId);
            Assert.AreEqual(3, back.Phase);
            Assert.AreEqual(r.Location, back.Location);
            Assert.AreEqual(r.RetrieveTicks, back.RetrieveTicks);
            Assert.AreEqual(2, back.RetriesLeft);
            Assert.IsTrue(back.ImageStarted);
            Assert.AreEqual(FirmwareTestData.SignerPem, back.CertificatePem);
            Assert.AreEqual(FirmwareTestData.FileSignature, back.SignatureBase64);
            Assert.AreEqual("Downloading", back.LastStatus);

            byte[] cut = new byte[data.Length - 5];
            Array.Copy(data, cut, cut.Length);
            Assert.IsNull(FirmwareUpdateRecord.Decode(cut));
        }
    }
}
