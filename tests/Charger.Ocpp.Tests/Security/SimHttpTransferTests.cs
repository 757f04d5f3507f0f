using Charger.Hal;
using Charger.Hal.Sim.Network;

namespace Charger.Ocpp.Tests.Security;

/// <summary>The simulated HTTP transfer the virtual-time tests use: bounded slices, ranges, failures on demand.</summary>
public class SimHttpTransferTests
{
    private readonly SimHttpServer _server = new();

    [Fact]
    public void ARangedDownloadHandsOutTheRestInSlicesNoLargerThanTheBuffer()
    {
        var content = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        _server.Publish("http://fw.test/image", content);
        var http = new SimHttpTransfer(_server, 64);
        Assert.True(http.StartDownload("http://fw.test/image", 900));
        Assert.False(http.StartDownload("http://fw.test/image", 0)); // one at a time
        var buffer = new byte[200];
        var got = new List<byte>();
        while (http.State == HttpTransferState.Running)
        {
            int n = http.Read(buffer, 0, buffer.Length);
            Assert.InRange(n, 1, 64);
            got.AddRange(buffer.Take(n));
        }

        Assert.Equal(HttpTransferState.Completed, http.State);
        Assert.Equal(206, http.StatusCode);
        Assert.Equal(1000, http.TotalBytes);
        Assert.Equal(content.Skip(900), got);
    }

    [Fact]
    public void MissingRefusedAndFailingRequestsEndFailedWithTheirStatus()
    {
        var http = new SimHttpTransfer(_server, 64);
        http.StartDownload("http://fw.test/none", 0);
        Assert.Equal(HttpTransferState.Failed, http.State);
        Assert.Equal(404, http.StatusCode);
        http.Reset();

        _server.RefuseConnections = true;
        http.StartUpload("http://logs.test/x", "POST", "text/plain", 3);
        http.Write(new byte[] { 1, 2, 3 }, 0, 3);
        Assert.Equal(HttpTransferState.Failed, http.State);
        Assert.Equal(0, http.StatusCode);
        Assert.Contains("refused", http.Error);
        http.Reset();

        _server.RefuseConnections = false;
        _server.FailNext(1, 503);
        http.StartUpload("http://logs.test/x", "POST", "text/plain", 1);
        http.Write(new byte[] { 9 }, 0, 1);
        Assert.Equal(503, http.StatusCode);
        Assert.Equal(0, _server.UploadCount);
        Assert.False(http.StartUpload("ftp://logs.test/x", "POST", "text/plain", 1));
    }
}
