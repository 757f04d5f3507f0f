using System;
using System.IO;
using System.Linq;
using Charger.Crypto;
using Charger.Crypto.Tests;
using Charger.Hal.Sim;
using Charger.Ocpp.CertificateRevocation;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.CertificateManagement;

/// <summary>
/// The CRL store: openssl-made CRLs installed against their CA, kept one atomic record per issuer
/// across reloads and power cuts, bounded in issuers and bytes, newer replacing older.
/// </summary>
public sealed class CrlStoreTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly long NowMs = new DateTimeOffset(Now).ToUnixTimeMilliseconds();
    private readonly OpenSslCa _ca = new();
    private readonly MemoryFileStore _files = new();
    private readonly ListLog _log = new();

    public void Dispose() => _ca.Dispose();

    private byte[] Ca(string name)
    {
        _ca.Key(name, "ec:P-256");
        return _ca.Cert(name, "/CN=" + name, null, OpenSslCa.CaExtensions, Now.AddYears(-1), Now.AddYears(5));
    }

    private X509Certificate Leaf(string name, string issuer)
    {
        _ca.Key(name, "ec:P-256");
        return X509Certificate.Parse(_ca.Cert(name, "/CN=" + name, issuer, OpenSslCa.LeafExtensions, Now.AddDays(-10), Now.AddYears(1)));
    }

    private CrlStore Store(int capacity = 4)
    {
        var store = new CrlStore(_files, _log, capacity);
        store.Load();
        return store;
    }

    [Fact]
    public void ANewerCrlOfTheSameIssuerReplacesTheOlderAnOlderOneIsRefusedAndTheSameOneIsIdempotent()
    {
        byte[] root = Ca("root");
        var a = Leaf("a", "root");
        var b = Leaf("b", "root");
        byte[] first = _ca.Crl("first", "root", new[] { "a" }, Now.AddDays(-3), Now.AddDays(30), number: 1);
        byte[] second = _ca.Crl("second", "root", new[] { "a", "b" }, Now.AddDays(-1), Now.AddDays(30), number: 2);
        var store = Store();

        Assert.True(store.Install(first, new[] { root }, NowMs).Accepted);
        Assert.Null(store.RevocationOf(b, NowMs));
        Assert.True(store.Install(second, new[] { root }, NowMs).Accepted);
        Assert.Equal(1, store.Count);
        Assert.NotNull(store.RevocationOf(b, NowMs));
        Assert.Contains("already installed", store.Install(second, new[] { root }, NowMs).Reason);

        var older = store.Install(first, new[] { root }, NowMs);
        Assert.False(older.Accepted);
        Assert.Equal("Older", older.ReasonCode);
        Assert.NotNull(Store().RevocationOf(b, NowMs));
        Assert.NotNull(Store().RevocationOf(a, NowMs));
    }

    [Fact]
    public void TheStoreHoldsAtMostItsCapacityOfIssuersAndNoCrlAboveItsByteBound()
    {
        byte[][] cas = { Ca("one"), Ca("two"), Ca("three") };
        var store = Store(capacity: 2);
        Assert.True(store.Install(_ca.Crl("c1", "one", Array.Empty<string>(), Now.AddDays(-1), Now.AddDays(30)), cas, NowMs).Accepted);
        Assert.True(store.Install(_ca.Crl("c2", "two", Array.Empty<string>(), Now.AddDays(-1), Now.AddDays(30)), cas, NowMs).Accepted);
        var full = store.Install(_ca.Crl("c3", "three", Array.Empty<string>(), Now.AddDays(-1), Now.AddDays(30)), cas, NowMs);
        Assert.False(full.Accepted);
        Assert.Equal("StoreFull", full.ReasonCode);
        Assert.Equal("TooLarge", store.Install(new byte[CrlStore.MaxCrlBytes + 1], cas, NowMs).ReasonCode);
        Assert.Equal(2, Store(capacity: 2).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APowerCutAtTheReplacingWriteLeavesTheOldOrTheNewCrlNeverNone(bool newContentCommitted)
    {
        byte[] root = Ca("root");
        Leaf("a", "root");
        var b = Leaf("b", "root");
        var store = Store();
        Assert.True(store.Install(_ca.Crl("first", "root", new[] { "a" }, Now.AddDays(-3), Now.AddDays(30)), new[] { root }, NowMs).Accepted);
        byte[] second = _ca.Crl("second", "root", new[] { "a", "b" }, Now.AddDays(-1), Now.AddDays(30));

        _files.CutPowerAtWrite(1, newContentCommitted);
        Assert.ThrowsAny<Exception>(() => store.Install(second, new[] { root }, NowMs));
        _files.RestorePower();

        var after = Store();
        Assert.Equal(1, after.Count);
        Assert.Equal(newContentCommitted, after.RevocationOf(b, NowMs) != null);
    }

    [Fact]
    public void ADamagedRecordIsLoggedAndRemovedAtLoad()
    {
        byte[] root = Ca("root");
        Leaf("a", "root");
        Assert.True(Store().Install(_ca.Crl("crl", "root", new[] { "a" }, Now.AddDays(-1), Now.AddDays(30)), new[] { root }, NowMs).Accepted);
        string name = _files.List(CrlStore.RecordPrefix).Single();
        byte[] record = _files.Read(name);
        record[record.Length / 2] ^= 0x40;
        _files.WriteAtomic(name, record, record.Length);

        Assert.Equal(0, Store().Count);
        Assert.False(_files.Exists(name));
        Assert.Contains(_log.Lines, l => l.Contains(name) && l.Contains("removed"));
    }
}
