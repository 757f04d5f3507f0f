using System;
using System.Text;
using Charger.Crypto;
using Charger.Hal.Sim;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// Issue 16, profile 3 on the real runtime: the station's key pair, ECDSA signing (RFC 6979)
    /// and the PKCS #10 request, each timed and printed as "stationcert: &lt;what&gt;: N ms"
    /// (README, "Station certificates (profile 3)"). The request of the RFC 6979 key must be
    /// the same bytes as on desktop .NET (Charger.Crypto.Tests SigningAndCsrTests).
    /// </summary>
    [TestClass]
    public class StationCertificateOnTargetTests
    {
        // RFC 6979 appendix A.2.5 (P-256).
        private const string Rfc6979Key = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";

        // SHA-256 of the DER request of that key with CN=CS001, O=ChargerFirmware (the desktop test holds the same value).
        private const string Rfc6979CsrSha256 = "4E278F7237C63DD489361921CE8B90D49D7733CF7719F285DEF5EC5AED5364CB";

        private static long Ms(long startTicks)
        {
            return (DateTime.UtcNow.Ticks - startTicks) / TimeSpan.TicksPerMillisecond;
        }

        [TestMethod]
        public void KeyFromTheRfc6979ScalarHasTheRfcsPublicPointAndIsTimed()
        {
            long start = DateTime.UtcNow.Ticks;
            EcPrivateKey key = EcPrivateKey.TryCreate(EcCurve.P256, BigNat.FromHex(Rfc6979Key));
            OutputHelper.WriteLine("stationcert: P-256 public key from a scalar (one scalar multiplication): " + Ms(start).ToString() + " ms");
            Assert.IsNotNull(key);
            Assert.AreEqual("60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6", Hex.Of(key.PublicKey.X));
            Assert.AreEqual("7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299", Hex.Of(key.PublicKey.Y));
        }

        [TestMethod]
        public void SignatureIsTheRfc6979OneAndVerifiesAndIsTimed()
        {
            EcPrivateKey key = EcPrivateKey.TryCreate(EcCurve.P256, BigNat.FromHex(Rfc6979Key));
            byte[] hash = Sha256.Hash(Encoding.UTF8.GetBytes("sample"));
            long start = DateTime.UtcNow.Ticks;
            byte[] r;
            byte[] s;
            EcdsaSigner.SignHash(key, hash, out r, out s);
            OutputHelper.WriteLine("stationcert: ECDSA P-256 signature (RFC 6979 nonce): " + Ms(start).ToString() + " ms");
            Assert.AreEqual("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716", Hex.Of(r));
            Assert.AreEqual("F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8", Hex.Of(s));
            Assert.IsTrue(EcdsaVerifier.Verify(key.PublicKey, hash, r, s));
        }

        [TestMethod]
        public void CsrOfTheRfc6979KeyIsTheSameBytesAsOnDesktopAndIsTimed()
        {
            EcPrivateKey key = EcPrivateKey.TryCreate(EcCurve.P256, BigNat.FromHex(Rfc6979Key));
            long start = DateTime.UtcNow.Ticks;
            string pem = Pkcs10Request.BuildPem(key, "CS001", "ChargerFirmware");
            OutputHelper.WriteLine("stationcert: PKCS#10 request built, signed and PEM-encoded: " + Ms(start).ToString() + " ms");
            byte[][] der = Pem.DecodeAll(pem, PemWriter.CertificateRequestLabel);
            Assert.AreEqual(1, der.Length);
            Assert.AreEqual(Rfc6979CsrSha256, Hex.Of(Sha256.Hash(der[0])));
        }

        [TestMethod]
        public void KeyPairFromTheSeededRandomSourceIsMadeSignsItsRequestAndRoundTripsAsPem()
        {
            SeededRandom random = new SeededRandom(16);
            byte[] candidate = new byte[32];
            long start = DateTime.UtcNow.Ticks;
            EcPrivateKey key = null;
            for (int i = 0; i < 16 && key == null; i++)
            {
                random.NextBytes(candidate);
                key = EcPrivateKey.TryCreate(EcCurve.P256, candidate);
            }

            string pem = Pkcs10Request.BuildPem(key, "CS-ON-TARGET", "ChargerFirmware");
            OutputHelper.WriteLine("stationcert: key pair generation + request (what a TriggerMessage costs): " + Ms(start).ToString() + " ms");
            Assert.IsNotNull(key);

            // The request's own signature verifies with the key it carries.
            DerReader outer = new DerReader(Pem.DecodeAll(pem, PemWriter.CertificateRequestLabel)[0]);
            DerReader request = outer.ReadSequence();
            request.ReadSpan(DerReader.TagSequence, out int infoStart, out int infoLength);
            request.ReadSequence();
            byte[] signature = request.ReadBitString(true);
            byte[] info = new byte[infoLength];
            Array.Copy(request.Data, infoStart, info, 0, infoLength);
            Assert.IsTrue(EcdsaVerifier.VerifyDer(key.PublicKey, Sha256.Hash(info), signature));
            info[infoLength - 5] ^= 1;
            Assert.IsFalse(EcdsaVerifier.VerifyDer(key.PublicKey, Sha256.Hash(info), signature));

            start = DateTime.UtcNow.Ticks;
            EcPrivateKey back = EcPrivateKey.FromPem(key.ToPem());
            OutputHelper.WriteLine("stationcert: stored key read back (PEM, public point recomputed): " + Ms(start).ToString() + " ms");
            Assert.IsTrue(back.Matches(key.PublicKey));
        }

        [TestMethod]
        public void ScalarsOutOfRangeAreRefused()
        {
            Assert.IsNull(EcPrivateKey.TryCreate(EcCurve.P256, new byte[32]));
            Assert.IsNull(EcPrivateKey.TryCreate(EcCurve.P256, BigNat.FromHex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551")));
            Assert.IsNull(EcPrivateKey.TryCreate(EcCurve.P256, new byte[31]));
        }
    }
}
