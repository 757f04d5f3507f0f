using System.Security.Cryptography;
using System.Text;
using Charger.Crypto;
using Charger.Hal.Sim;
using Charger.Ocpp.Security;

namespace Charger.Ocpp.Tests.DeviceModel;

public class Sha256Tests
{
    // FIPS 180-4 / NIST CSHA examples.
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
    public void KnownVectorsHashCorrectly(string message, string expectedHex)
    {
        Assert.Equal(expectedHex, PasswordHash.ToHex(Sha256.Hash(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void MillionAsHashCorrectly()
    {
        var sha = new Sha256();
        byte[] chunk = Encoding.ASCII.GetBytes(new string('a', 1000));
        for (int i = 0; i < 1000; i++)
        {
            sha.Update(chunk, 0, chunk.Length);
        }

        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", PasswordHash.ToHex(sha.Final()));
    }

    [Fact]
    public void EveryLengthAroundBlockBoundariesMatchesTheDesktopImplementation()
    {
        var random = new Random(5);
        for (int length = 0; length < 300; length++)
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(SHA256.HashData(data), Sha256.Hash(data));
        }
    }

    [Fact]
    public void PasswordHashVerifiesOnlyTheRightPasswordAndIsSalted()
    {
        var random = new SeededRandom(3);
        string a = PasswordHash.Create("s3cret-pass", random, 50);
        string b = PasswordHash.Create("s3cret-pass", random, 50);
        Assert.NotEqual(a, b); // different salts
        Assert.DoesNotContain("s3cret", a);
        Assert.True(PasswordHash.Verify("s3cret-pass", a));
        Assert.True(PasswordHash.Verify("s3cret-pass", b));
        Assert.False(PasswordHash.Verify("s3cret-pasS", a));
        Assert.False(PasswordHash.Verify("s3cret-pass", "sha256$50$zz$00"));
        Assert.False(PasswordHash.Verify("s3cret-pass", null));
    }
}
