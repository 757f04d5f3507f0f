using System;
using System.Text;
using Charger.Crypto;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// Charger.Crypto on the real runtime: SHA-2 with 64-bit arithmetic, Montgomery RSA, Jacobian
    /// ECDSA, the DER/X.509 reader and a chain, with the time of each printed as
    /// "crypto: &lt;what&gt;: N ms" (README, "Signatures and certificates").
    /// </summary>
    [TestClass]
    public class CryptoOnTargetTests
    {
        private static readonly byte[] Message = Encoding.UTF8.GetBytes(CryptoTestData.Message);

        [TestMethod]
        public void Sha384AndSha512OfAbcMatchTheFipsExamples()
        {
            byte[] abc = Encoding.UTF8.GetBytes("abc");
            Assert.AreEqual("CB00753F45A35E8BB5A03D699AC65007272C32AB0EDED1631A8B605A43FF5BED8086072BA1E7CC2358BAECA134C825A7",
                Hex.Of(Digest.Compute(HashKind.Sha384, abc)));
            Assert.AreEqual("DDAF35A193617ABACC417349AE20413112E6FA4E89A97EA20A9EEEE64B55D39A2192992A274FC1A836BA3C23A3FEEBBD454D4423643CE80E2A9AC94FA54CA49F",
                Hex.Of(Digest.Compute(HashKind.Sha512, abc)));
            Assert.AreEqual("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", Hex.Of(Digest.Compute(HashKind.Sha256, abc)));
        }

        [TestMethod]
        public void Sha256OfA250KBufferIsRightAndMeasured()
        {
            byte[] buffer = new byte[250 * 1024];
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (byte)(((i * 31) + 7) ^ (i >> 8));
            }

            long start = DateTime.UtcNow.Ticks;
            byte[] hash = Sha256.Hash(buffer);
            long ms = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            OutputHelper.WriteLine("crypto: SHA-256 of 250 KB: " + ms.ToString() + " ms");
            Assert.AreEqual(CryptoTestData.Sha256Of250KB, Lower(Hex.Of(hash)));
        }

        [TestMethod]
        public void ParsesAnOpensslCertificateFromPemAndMeasuresIt()
        {
            // One parse is about a millisecond: time 20 for a figure above the clock's resolution.
            const int Parses = 20;
            X509Certificate cert = null;
            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < Parses; i++)
            {
                cert = X509Certificate.Parse(Pem.DecodeCertificate(CryptoTestData.RootPem));
            }

            long us = (DateTime.UtcNow.Ticks - start) / 10 / Parses;
            OutputHelper.WriteLine("crypto: PEM decode + X.509 parse (RSA-2048 root, 835 bytes): " + us.ToString() + " us each (" + Parses.ToString() + " parses)");

            Assert.AreEqual(3, cert.Version);
            Assert.AreEqual("A1B2C3D", cert.SerialNumberHex);
            Assert.AreEqual("Charger Manufacturer Root", cert.Subject.CommonName);
            Assert.AreEqual("ChargerFirmware", cert.Subject.Organization);
            Assert.IsTrue(cert.IsSelfIssued);
            Assert.AreEqual(CryptoTestData.RootNotBeforeMs, cert.NotBeforeMs);
            Assert.AreEqual(CryptoTestData.RootNotAfterMs, cert.NotAfterMs);
            Assert.AreEqual((int)SignatureAlgorithm.RsaPkcs1Sha256, (int)cert.SignatureAlgorithm);
            Assert.AreEqual((int)PublicKeyKind.Rsa, (int)cert.PublicKey.Kind);
            Assert.AreEqual(2048, cert.PublicKey.ModulusBits);
            Assert.IsTrue(cert.IsCa);
            Assert.AreEqual(1, cert.PathLengthConstraint);
            Assert.AreEqual(KeyUsageBits.KeyCertSign | KeyUsageBits.CrlSign, cert.KeyUsage);

            X509Certificate leaf = X509Certificate.Parse(Pem.DecodeCertificate(CryptoTestData.LeafPem));
            Assert.AreEqual("Firmware Signing", leaf.Subject.CommonName);
            Assert.AreEqual((int)PublicKeyKind.Ec, (int)leaf.PublicKey.Kind);
            Assert.AreEqual("P-256", leaf.PublicKey.Curve.Name);
            Assert.IsFalse(leaf.IsCa);
        }

        [TestMethod]
        public void VerifiesAnRsa2048Pkcs1SignatureAndMeasuresIt()
        {
            PublicKey key = PublicKeyInfo.Parse(BigNat.FromHex(CryptoTestData.RootPublicKeyHex));
            byte[] signature = BigNat.FromHex(CryptoTestData.RsaPkcs1Sha256SignatureHex);

            long start = DateTime.UtcNow.Ticks;
            bool ok = SignatureVerifier.Verify(key, SignatureAlgorithm.RsaPkcs1Sha256, Message, signature);
            long ms = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            OutputHelper.WriteLine("crypto: RSA-2048 PKCS#1 v1.5 SHA-256 verify: " + ms.ToString() + " ms");
            Assert.IsTrue(ok);

            signature[100] ^= 0x01;
            Assert.IsFalse(SignatureVerifier.Verify(key, SignatureAlgorithm.RsaPkcs1Sha256, Message, signature));
            signature[100] ^= 0x01;
            Assert.IsFalse(SignatureVerifier.Verify(key, SignatureAlgorithm.RsaPssSha256, Message, signature));
        }

        [TestMethod]
        public void VerifiesAnEcdsaP256SignatureAndMeasuresIt()
        {
            PublicKey key = PublicKeyInfo.Parse(BigNat.FromHex(CryptoTestData.LeafPublicKeyHex));
            byte[] signature = BigNat.FromHex(CryptoTestData.EcdsaP256Sha256SignatureHex);

            long start = DateTime.UtcNow.Ticks;
            bool ok = SignatureVerifier.Verify(key, SignatureAlgorithm.EcdsaSha256, Message, signature);
            long ms = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            OutputHelper.WriteLine("crypto: ECDSA P-256 SHA-256 verify: " + ms.ToString() + " ms");
            Assert.IsTrue(ok);

            byte[] other = Encoding.UTF8.GetBytes(CryptoTestData.Message + "!");
            Assert.IsFalse(SignatureVerifier.Verify(key, SignatureAlgorithm.EcdsaSha256, other, signature));
        }

        [TestMethod]
        public void ChainsTheLeafToTheRootOnlyWhileBothAreValid()
        {
            byte[] root = Pem.DecodeCertificate(CryptoTestData.RootPem);
            byte[] leaf = Pem.DecodeCertificate(CryptoTestData.LeafPem);
            byte[][] roots = new byte[][] { root };
            long now = CryptoTestData.RootNotBeforeMs + 365L * 86400000L * 2;

            long start = DateTime.UtcNow.Ticks;
            string reason;
            bool ok = CertificateChain.Verify(leaf, null, roots, now, out reason);
            long ms = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            OutputHelper.WriteLine("crypto: chain P-256 leaf -> RSA-2048 root (2 parses, 1 RSA verify): " + ms.ToString() + " ms");
            Assert.IsTrue(ok);

            Assert.AreEqual((int)ChainStatus.Expired, (int)CertificateChain.VerifyStatus(leaf, null, roots, CryptoTestData.LeafNotAfterMs + 1, out reason));
            Assert.AreEqual((int)ChainStatus.UnknownIssuer, (int)CertificateChain.VerifyStatus(leaf, null, new byte[0][], now, out reason));
        }

        private static string Lower(string s)
        {
            char[] c = s.ToCharArray();
            for (int i = 0; i < c.Length; i++)
            {
                if (c[i] >= 'A' && c[i] <= 'Z')
                {
                    c[i] = (char)(c[i] + 32);
                }
            }

            return new string(c);
        }
    }
}
