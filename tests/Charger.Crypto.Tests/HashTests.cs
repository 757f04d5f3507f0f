using System.Security.Cryptography;
using Charger.Crypto;

namespace Charger.Crypto.Tests;

public class HashTests
{
    [Fact]
    public void Sha256Sha384Sha512MatchDotNetForEveryLengthAroundTheBlockBoundaries()
    {
        var rnd = new Random(14);
        for (int len = 0; len <= 300; len++)
        {
            byte[] data = new byte[len];
            rnd.NextBytes(data);
            Assert.Equal(SHA256.HashData(data), Digest.Compute(HashKind.Sha256, data));
            Assert.Equal(SHA384.HashData(data), Digest.Compute(HashKind.Sha384, data));
            Assert.Equal(SHA512.HashData(data), Digest.Compute(HashKind.Sha512, data));
        }
    }

    [Fact]
    public void StreamedInUnevenPiecesEqualsOneShotOverAQuarterMegabyte()
    {
        var rnd = new Random(16);
        byte[] data = new byte[250 * 1024 + 17];
        rnd.NextBytes(data);
        var sha256 = new Sha256();
        var sha512 = new Sha512(false);
        int at = 0;
        while (at < data.Length)
        {
            int n = Math.Min(rnd.Next(1, 700), data.Length - at);
            sha256.Update(data, at, n);
            sha512.Update(data, at, n);
            at += n;
        }

        Assert.Equal(SHA256.HashData(data), sha256.Final());
        Assert.Equal(SHA512.HashData(data), sha512.Final());
        Assert.Equal(SHA384.HashData(data.AsSpan(5, 1000)), Digest.Compute(HashKind.Sha384, data, 5, 1000));
    }
}
