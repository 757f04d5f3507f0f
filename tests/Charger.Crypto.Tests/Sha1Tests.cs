using System.Security.Cryptography;
using System.Text;
using Charger.Crypto;

namespace Charger.Crypto.Tests;

/// <summary>SHA-1 for the WebSocket handshake (RFC 6455 section 4.2.2): FIPS 180 vectors, .NET's SHA1, RFC 6455's own example.</summary>
public class Sha1Tests
{
    [Theory]
    // FIPS 180-2 appendix A (A.1, A.2) and the empty message.
    [InlineData("abc", "a9993e364706816aba3e25717850c26c9cd0d89d")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1")]
    [InlineData("", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    public void Sha1MatchesTheFips180Vectors(string message, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexStringLower(Sha1.Hash(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void Sha1OfAMillionAsMatchesFips180AppendixA3()
    {
        var sha = new Sha1();
        byte[] chunk = Encoding.ASCII.GetBytes(new string('a', 1000));
        for (int i = 0; i < 1000; i++)
        {
            sha.Update(chunk, 0, chunk.Length);
        }

        Assert.Equal("34aa973cd4c4daa4f61eeb2bdbad27316534016f", Convert.ToHexStringLower(sha.Final()));
    }

    [Fact]
    public void Sha1MatchesDotNetForEveryLengthAroundTheBlockBoundariesAndInUnevenPieces()
    {
        var rnd = new Random(20);
        for (int len = 0; len <= 300; len++)
        {
            byte[] data = new byte[len];
            rnd.NextBytes(data);
            Assert.Equal(SHA1.HashData(data), Sha1.Hash(data));
        }

        byte[] big = new byte[70_000];
        rnd.NextBytes(big);
        var sha = new Sha1();
        int at = 0;
        while (at < big.Length)
        {
            int n = Math.Min(rnd.Next(1, 200), big.Length - at);
            sha.Update(big, at, n);
            at += n;
        }

        Assert.Equal(SHA1.HashData(big), sha.Final());
        // Final resets: the same object hashes the next message from scratch.
        Assert.Equal(SHA1.HashData(new byte[] { 1, 2, 3 }), FinalOf(sha, new byte[] { 1, 2, 3 }));
    }

    [Fact]
    public void Sha1GivesRfc6455SampleAccept()
    {
        // RFC 6455 section 1.3: key "dGhlIHNhbXBsZSBub25jZQ==" is answered with "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=".
        byte[] input = Encoding.ASCII.GetBytes("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", Convert.ToBase64String(Sha1.Hash(input)));
    }

    [Fact]
    public void Sha1RefusesARangeOutsideTheBuffer()
    {
        Assert.Throws<ArgumentException>(() => new Sha1().Update(new byte[4], 2, 3));
        Assert.Throws<ArgumentException>(() => new Sha1().Update(new byte[4], -1, 1));
    }

    private static byte[] FinalOf(Sha1 sha, byte[] data)
    {
        sha.Update(data, 0, data.Length);
        return sha.Final();
    }
}
