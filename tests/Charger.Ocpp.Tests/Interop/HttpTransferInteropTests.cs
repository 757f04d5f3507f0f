using System.Text;
using Charger.Hal;
using Charger.Sim.Models.Network;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>
/// The desktop <see cref="IHttpTransfer"/> against a real Node HTTP server (tests/interop/ocpp/upload-server.js):
/// ranged downloads for the firmware work, and an upload's bytes, driven slice by slice as the tick does.
/// </summary>
[Trait("Category", "Interop")]
public class HttpTransferInteropTests
{
    private const int BlobBytes = 100000;

    private static byte[] Download(IHttpTransfer http, string url, long from, out long total)
    {
        Assert.True(http.StartDownload(url, from));
        var received = new List<byte>();
        var slice = new byte[700];
        long end = Environment.TickCount64 + 20_000;
        while (http.State == HttpTransferState.Running && Environment.TickCount64 < end)
        {
            int n = http.Read(slice, 0, slice.Length);
            received.AddRange(slice.Take(n));
            if (n == 0)
            {
                Thread.Sleep(2);
            }
        }

        total = http.TotalBytes;
        return received.ToArray();
    }

    [Theory]
    [InlineData(0, 200)]
    [InlineData(12345, 206)]
    public void ADownloadFromAnOffsetGetsTheRestAndTheWholeSize(long from, int status)
    {
        using var server = new NodeUploadServer();
        using var http = new DesktopHttpTransfer(1024);
        byte[] body = Download(http, "http://127.0.0.1:" + server.Port + "/blob", from, out long total);
        Assert.Equal(HttpTransferState.Completed, http.State);
        Assert.Equal(status, http.StatusCode);
        Assert.Equal(BlobBytes, total);
        Assert.Equal(BlobBytes, http.BytesDone);
        Assert.Equal(Enumerable.Range((int)from, BlobBytes - (int)from).Select(i => (byte)(i % 251)).ToArray(), body);
    }

    [Fact]
    public void AServerThatIgnoresTheRangeFailsTheTransferInsteadOfShiftingTheBytes()
    {
        using var server = new NodeUploadServer();
        using var http = new DesktopHttpTransfer(1024);
        Download(http, "http://127.0.0.1:" + server.Port + "/blob?norange", 500, out _);
        Assert.Equal(HttpTransferState.Failed, http.State);
        Assert.Equal(200, http.StatusCode);
        Assert.Contains("ignored the byte range", http.Error);
    }

    [Fact]
    public void AnUploadWrittenInSlicesArrivesByteForByte()
    {
        using var server = new NodeUploadServer();
        using var http = new DesktopHttpTransfer(512);
        var body = Enumerable.Range(0, 20000).Select(i => (byte)(i * 7 % 256)).ToArray();
        Assert.True(http.StartUpload(server.Url, "PUT", "application/octet-stream", body.Length));
        int pos = 0;
        long end = Environment.TickCount64 + 20_000;
        while (pos < body.Length && Environment.TickCount64 < end)
        {
            int n = http.Write(body, pos, Math.Min(300, body.Length - pos));
            Assert.True(n <= 512);
            pos += n;
            if (n == 0)
            {
                Thread.Sleep(2);
            }
        }

        while (http.State == HttpTransferState.Running && Environment.TickCount64 < end)
        {
            Thread.Sleep(2);
        }

        Assert.Equal(HttpTransferState.Completed, http.State);
        Assert.Equal(201, http.StatusCode);
        var upload = Assert.Single(server.Uploads);
        Assert.Equal("PUT", upload.GetProperty("method").GetString());
        Assert.Equal(body, Convert.FromBase64String(upload.GetProperty("body").GetString()));
    }

    [Fact]
    public void ACancelledUploadNeverFinishesTheNextOne()
    {
        using var server = new NodeUploadServer();
        using var http = new DesktopHttpTransfer(256);
        Assert.True(http.StartUpload(server.Url, "POST", "text/plain", 1000));
        Assert.True(http.Write(new byte[100], 0, 100) > 0);
        http.Cancel();
        Assert.Equal(HttpTransferState.Failed, http.State);
        Assert.Equal("cancelled", http.Error);
        http.Reset();

        var body = Encoding.ASCII.GetBytes("second upload");
        Assert.True(http.StartUpload(server.Url, "POST", "text/plain", body.Length));
        Assert.Equal(body.Length, http.Write(body, 0, body.Length));
        long end = Environment.TickCount64 + 20_000;
        while (http.State == HttpTransferState.Running && Environment.TickCount64 < end)
        {
            Thread.Sleep(2);
        }

        Assert.Equal(HttpTransferState.Completed, http.State);
        var upload = Assert.Single(server.Uploads);
        Assert.Equal(body, Convert.FromBase64String(upload.GetProperty("body").GetString()));
    }
    // https:// (firmware from an https location, logs to one): the transfer trusts only the roots
    // its Trust gives, with the CSMS connection's checks and reasons; a refused server gets no request.
    private static TlsSettingsSource Roots(string pem) => () => new TlsSettings(pem, null, null);

    private static void WaitWhileRunning(IHttpTransfer http)
    {
        long end = Environment.TickCount64 + 20_000;
        while (http.State == HttpTransferState.Running && Environment.TickCount64 < end)
        {
            Thread.Sleep(2);
        }
    }

    [Fact]
    public void HttpsDownloadsResumeAndUploadsArriveWhenTheServerChainsToATrustedRoot()
    {
        using var pki = new OpensslPki();
        string root = pki.Root("ca", "Firmware Test Root");
        string leaf = pki.Leaf("srv", root, "files.test", "DNS:localhost,IP:127.0.0.1", client: false);
        using var server = new NodeUploadServer(leaf);
        using var http = new DesktopHttpTransfer(1024) { Trust = Roots(pki.Pem(root)) };

        byte[] body = Download(http, server.At("localhost", "/blob"), 12345, out long total);
        Assert.Equal(HttpTransferState.Completed, http.State);
        Assert.Equal(206, http.StatusCode);
        Assert.Equal(BlobBytes, total);
        Assert.Equal(Enumerable.Range(12345, BlobBytes - 12345).Select(i => (byte)(i % 251)).ToArray(), body);

        http.Reset();
        var log = Encoding.ASCII.GetBytes("2026-12-07T10:00:00Z station log over TLS\n");
        Assert.True(http.StartUpload(server.Url, "PUT", "text/plain", log.Length));
        Assert.Equal(log.Length, http.Write(log, 0, log.Length));
        WaitWhileRunning(http);
        Assert.Equal(HttpTransferState.Completed, http.State);
        Assert.Equal(log, Convert.FromBase64String(Assert.Single(server.Uploads).GetProperty("body").GetString()));
    }

    [Theory]
    [InlineData("no-root", "no trusted root certificate installed")]
    [InlineData("wrong-root", "does not chain to an installed CSMS root certificate")]
    [InlineData("expired", "has expired or is not yet valid")]
    [InlineData("other-host", "does not name the host")]
    public void AnHttpsServerTheStationCannotTrustGetsNoRequestAndTheTransferFailsWithTheReason(string kind, string reason)
    {
        using var pki = new OpensslPki();
        string root = pki.Root("ca", "Firmware Test Root");
        string rogue = pki.Root("rogue", "Somebody Else");
        string leaf = kind switch
        {
            "expired" => pki.Leaf("srv", root, "files.test", "DNS:localhost,IP:127.0.0.1", client: false, days: -2),
            "other-host" => pki.Leaf("srv", root, "files.test", "DNS:files.example", client: false),
            _ => pki.Leaf("srv", root, "files.test", "DNS:localhost,IP:127.0.0.1", client: false),
        };
        using var server = new NodeUploadServer(leaf);
        using var http = new DesktopHttpTransfer(1024)
        {
            Trust = kind == "no-root" ? null : Roots(pki.Pem(kind == "wrong-root" ? rogue : root)),
        };

        Download(http, server.At("localhost", "/blob"), 0, out _);
        Assert.Equal(HttpTransferState.Failed, http.State);
        Assert.Contains(reason, http.Error);
        Assert.Equal(0, http.StatusCode);

        http.Reset();
        Assert.True(http.StartUpload(server.Url, "PUT", "text/plain", 4));
        http.Write(new byte[4], 0, 4);
        WaitWhileRunning(http);
        Assert.Equal(HttpTransferState.Failed, http.State);
        Assert.Contains(reason, http.Error);

        Assert.DoesNotContain(server.Events, e => e.GetProperty("event").GetString() is "get" or "upload");
    }
}
