using System.Text.Json;
using Charger.Crypto;

namespace Charger.Crypto.Tests;

/// <summary>
/// Every vector of the Wycheproof files in shared/testdata/wycheproof: "valid" must verify,
/// "invalid" must not. The two "acceptable" vectors (PKCS#1 v1.5 DigestInfo without the NULL
/// parameters, flag MissingNull) are rejected: the verifier compares against the one DER encoding
/// RFC 8017 section 9.2 defines, and the test holds it to that.
/// </summary>
public class WycheproofTests
{
    private static string Dir => TestData.WycheproofDir;

    private static byte[] H(string hex) => Convert.FromHexString(hex);

    private static (int Checked, List<string> Wrong) Run(string file, Func<JsonElement, PublicKey?> keyOf, Func<JsonElement, PublicKey, byte[], byte[], bool> verify)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, file)));
        int count = 0;
        var wrong = new List<string>();
        int expected = doc.RootElement.GetProperty("numberOfTests").GetInt32();
        foreach (var group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            PublicKey? key = keyOf(group);
            foreach (var t in group.GetProperty("tests").EnumerateArray())
            {
                count++;
                string result = t.GetProperty("result").GetString()!;
                bool ok = key != null && verify(group, key, H(t.GetProperty("msg").GetString()!), H(t.GetProperty("sig").GetString()!));
                bool want = result == "valid";
                if (ok != want)
                {
                    wrong.Add($"tcId {t.GetProperty("tcId").GetInt32()} ({result}, {t.GetProperty("comment").GetString()}): verifier said {ok}");
                }
            }
        }

        Assert.Equal(expected, count);
        return (count, wrong);
    }

    private static PublicKey? SpkiKey(JsonElement group) => PublicKeyInfo.Parse(H(group.GetProperty("publicKeyDer").GetString()!));

    [Theory]
    [InlineData("ecdsa_secp256r1_sha256_test.json", SignatureAlgorithm.EcdsaSha256)]
    [InlineData("ecdsa_secp384r1_sha384_test.json", SignatureAlgorithm.EcdsaSha384)]
    public void EveryEcdsaVectorIsDecidedAsWycheproofSays(string file, SignatureAlgorithm alg)
    {
        var (n, wrong) = Run(file, SpkiKey, (g, key, msg, sig) => SignatureVerifier.Verify(key, alg, msg, sig));
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {n} wrong:\n" + string.Join("\n", wrong.Take(20)));
    }

    [Theory]
    [InlineData("rsa_signature_2048_sha256_test.json")]
    [InlineData("rsa_signature_3072_sha256_test.json")]
    public void EveryRsaPkcs1VectorIsDecidedAsWycheproofSaysWithMissingNullRejected(string file)
    {
        var (n, wrong) = Run(file, SpkiKey, (g, key, msg, sig) => SignatureVerifier.Verify(key, SignatureAlgorithm.RsaPkcs1Sha256, msg, sig));
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {n} wrong:\n" + string.Join("\n", wrong.Take(20)));
    }

    [Fact]
    public void EveryRsaPssVectorIsDecidedAsWycheproofSays()
    {
        var (n, wrong) = Run("rsa_pss_2048_sha256_mgf1_32_test.json", SpkiKey, (g, key, msg, sig) =>
        {
            Assert.Equal("SHA-256", g.GetProperty("mgfSha").GetString());
            return SignatureVerifier.VerifyRsaPss(key, HashKind.Sha256, g.GetProperty("sLen").GetInt32(), msg, sig);
        });
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {n} wrong:\n" + string.Join("\n", wrong.Take(20)));
    }
}
