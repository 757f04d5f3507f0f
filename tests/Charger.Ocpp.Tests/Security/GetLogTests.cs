using System.Text;
using System.Text.Json;
using Charger.Hal.Sim.Network;
using Charger.Ocpp.Diagnostics;
using Charger.Ocpp.Security;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.Security;

/// <summary>GetLog and LogStatusNotification (N01) over the simulated HTTP transfer.</summary>
public class GetLogTests
{
    private const string Url = "http://logs.test/upload";
    private readonly StationHarness _h = new();
    private readonly SimHttpServer _server = new();
    private readonly FakeLogSource _diagnostics = new();

    public GetLogTests()
    {
        _h.Station.AttachLogUpload(new SimHttpTransfer(_server, 256), _diagnostics);
        _h.Boot();
        _h.AnswerAll();
    }

    private JsonElement GetLog(string logType, int requestId, string extra = "", string url = Url, string log = "")
    {
        var reply = _h.Request("GetLog", "{\"logType\":\"" + logType + "\",\"requestId\":" + requestId + extra
            + ",\"log\":{\"remoteLocation\":\"" + url + "\"" + log + "}}");
        return reply[2];
    }

    private List<string> Statuses(IEnumerable<JsonElement[]> calls) => calls
        .Where(c => c[2].GetString() == "LogStatusNotification")
        .Select(c => c[3].GetProperty("status").GetString() + (c[3].TryGetProperty("requestId", out var id) ? "/" + id.GetInt32() : ""))
        .ToList();

    private static string FilePart(byte[] body, out string filename)
    {
        string text = Encoding.UTF8.GetString(body);
        var head = text.Substring(0, text.IndexOf("\r\n\r\n"));
        filename = head.Substring(head.IndexOf("filename=\"") + 10).Split('"')[0];
        int start = text.IndexOf("\r\n\r\n") + 4;
        int end = text.LastIndexOf("\r\n--");
        Assert.EndsWith("--\r\n", text);
        return text.Substring(start, end - start);
    }

    [Fact]
    public void TheSecurityLogArrivesIntactWithItsFilename_N01()
    {
        _h.Station.SecurityEvents.Raise(SecurityEventTypes.InvalidCsmsCertificate, "wrong host ünïcode", _h.Now);
        var response = GetLog("SecurityLog", 7);
        Assert.Equal("Accepted", response.GetProperty("status").GetString());
        Assert.Equal("CS001-security-7.log", response.GetProperty("filename").GetString());
        var statuses = Statuses(_h.Pending.Concat(_h.AnswerAll()));
        Assert.Equal(new[] { "Uploading/7", "Uploaded/7" }, statuses);

        var upload = _server.UploadAt(0);
        Assert.Equal("POST", upload.Method);
        Assert.StartsWith("multipart/form-data; boundary=", upload.ContentType);
        string content = FilePart(upload.Body, out string filename);
        Assert.Equal("CS001-security-7.log", filename);
        var log = _h.Station.SecurityEvents.Log;
        var expected = string.Concat(Enumerable.Range(1, (int)log.LastSequence).Select(s => log.Read(s)).Where(e => e != null)
            .Select(e => SecurityLog.FormatLine(e) + "\n"));
        Assert.Equal(expected, content);
        Assert.Contains("InvalidCsmsCertificate - wrong host ünïcode\n", content);
    }

    [Fact]
    public void AnHttpsLocationIsUsedOnlyOnceACsmsRootIsInstalledBecauseTransfersTrustWhatTheConnectionTrusts()
    {
        GetLog("SecurityLog", 21, ",\"retries\":0", url: "https://logs.test/upload");
        var calls = _h.Pending.Concat(_h.AnswerAll()).ToList();
        Assert.Equal(new[] { "Uploading/21", "UploadFailure/21" }, Statuses(calls));
        Assert.Equal(0, _server.Requests);
        Assert.True(_h.Log.Contains("no trusted root certificate installed"), string.Join("\n", _h.Log.Lines));

        using var ca = new Charger.Crypto.Tests.OpenSslCa();
        ca.Key("root", "ec:P-256");
        ca.Cert("root", "/CN=CSMS Root/O=Charger Test", null, Charger.Crypto.Tests.OpenSslCa.CaExtensions,
            new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var installed = _h.Request("InstallCertificate", JsonSerializer.Serialize(new { certificateType = "CSMSRootCertificate", certificate = ca.Pem("root") }));
        Assert.Equal("Accepted", installed[2].GetProperty("status").GetString());

        GetLog("SecurityLog", 22, ",\"retries\":0", url: "https://logs.test/upload");
        Assert.Equal(new[] { "Uploading/22", "Uploaded/22" }, Statuses(_h.Pending.Concat(_h.AnswerAll())));
        Assert.Equal(1, _server.UploadCount);
    }

    [Fact]
    public void TheDiagnosticsLogIsFilteredByOldestAndLatestTimestamp()
    {
        var t = new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);
        for (int i = 0; i < 5; i++)
        {
            _diagnostics.Add("line " + i, t.AddMinutes(i));
        }

        GetLog("DiagnosticsLog", 8, log: ",\"oldestTimestamp\":\"2026-12-07T08:01:00Z\",\"latestTimestamp\":\"2026-12-07T08:03:00Z\"");
        _h.AnswerAll();
        Assert.Equal("line 1\nline 2\nline 3\n", FilePart(_server.UploadAt(0).Body, out string name));
        Assert.Equal("CS001-diagnostics-8.log", name);
    }

    [Fact]
    public void AFailingServerIsRetriedAfterTheIntervalThenUploadFailure()
    {
        _server.FailNext(10, 500);
        GetLog("SecurityLog", 9, ",\"retries\":2,\"retryInterval\":30");
        var calls = _h.Pending.Concat(_h.AnswerAll()).ToList();
        Assert.Equal(1, _server.Requests);
        _h.Run(29_000);
        Assert.Equal(1, _server.Requests);
        _h.Run(2_000);
        Assert.Equal(2, _server.Requests);
        _h.Run(31_000);
        calls.AddRange(_h.AnswerAll());
        Assert.Equal(3, _server.Requests);
        Assert.Equal(new[] { "Uploading/9", "UploadFailure/9" }, Statuses(calls));
        Assert.Equal(0, _server.UploadCount);
    }

    [Fact]
    public void ARefusedConnectionThatRecoversIsUploadedOnARetry()
    {
        _server.RefuseConnections = true;
        GetLog("SecurityLog", 10, ",\"retries\":1,\"retryInterval\":5");
        var calls = _h.Pending.Concat(_h.AnswerAll()).ToList();
        _server.RefuseConnections = false;
        _h.Run(6_000);
        calls.AddRange(_h.AnswerAll());
        Assert.Equal(new[] { "Uploading/10", "Uploaded/10" }, Statuses(calls));
        Assert.Equal(1, _server.UploadCount);
    }

    [Theory]
    [InlineData(403, "PermissionDenied")]
    [InlineData(401, "PermissionDenied")]
    [InlineData(400, "BadMessage")]
    [InlineData(405, "NotSupportedOperation")]
    public void AnAnswerThatRefusesTheRequestEndsItWithoutRetrying(int status, string expected)
    {
        _server.FailNext(10, status);
        GetLog("SecurityLog", 11, ",\"retries\":3,\"retryInterval\":1");
        var calls = _h.Pending.Concat(_h.AnswerAll()).ToList();
        _h.Run(10_000);
        calls.AddRange(_h.AnswerAll());
        Assert.Equal(1, _server.Requests);
        Assert.Equal(new[] { "Uploading/11", expected + "/11" }, Statuses(calls));
    }

    [Fact]
    public void ANewRequestCancelsTheRunningUpload()
    {
        _server.FailNext(10, 500);
        GetLog("SecurityLog", 12, ",\"retries\":5,\"retryInterval\":600");
        var calls = _h.Pending.Concat(_h.AnswerAll()).ToList();
        _h.Pending.Clear();
        _server.FailNext(0, 0);
        var second = GetLog("SecurityLog", 13);
        Assert.Equal("AcceptedCanceled", second.GetProperty("status").GetString());
        calls.AddRange(_h.Pending.Concat(_h.AnswerAll()));
        Assert.Equal(new[] { "Uploading/12", "AcceptedCanceled/12", "Uploading/13", "Uploaded/13" }, Statuses(calls));
    }

    [Fact]
    public void TriggeredStatusIsUploadingWhileOneRunsAndIdleAfter()
    {
        _server.FailNext(10, 500);
        GetLog("SecurityLog", 14, ",\"retries\":1,\"retryInterval\":600");
        _h.AnswerAll();
        _h.Pending.Clear();
        _h.Request("TriggerMessage", "{\"requestedMessage\":\"LogStatusNotification\"}");
        Assert.Equal(new[] { "Uploading/14" }, Statuses(_h.Pending.Concat(_h.AnswerAll())));
        _h.Pending.Clear();
        _h.Run(601_000);
        _h.AnswerAll();
        _h.Request("TriggerMessage", "{\"requestedMessage\":\"LogStatusNotification\"}");
        Assert.Equal(new[] { "Idle" }, Statuses(_h.Pending.Concat(_h.AnswerAll())));
    }

    [Theory]
    [InlineData("ftp://logs.test/x", "UnsupportedProtocol")]
    [InlineData("http:///nohost", "InvalidURL")]
    public void AnUnusableLocationIsRejectedWithAReason(string url, string reason)
    {
        var response = GetLog("SecurityLog", 15, url: url);
        Assert.Equal("Rejected", response.GetProperty("status").GetString());
        Assert.Equal(reason, response.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        Assert.Equal(0, _server.Requests);
    }

    [Fact]
    public void ALogTheStationDoesNotHaveIsRejectedNotACrash()
    {
        var bare = new StationHarness();
        bare.Station.AttachLogUpload(new SimHttpTransfer(_server, 256), null);
        bare.Boot();
        bare.AnswerAll();
        var reply = bare.Request("GetLog", "{\"logType\":\"DiagnosticsLog\",\"requestId\":2,\"log\":{\"remoteLocation\":\"" + Url + "\"}}");
        Assert.Equal("Rejected", reply[2].GetProperty("status").GetString());
        Assert.Equal("LogNotAvailable", reply[2].GetProperty("statusInfo").GetProperty("reasonCode").GetString());
    }

    [Fact]
    public void NegativeRetriesIsAPropertyConstraintViolation()
    {
        var reply = _h.Request("GetLog", "{\"logType\":\"SecurityLog\",\"requestId\":1,\"retries\":-1,\"log\":{\"remoteLocation\":\"" + Url + "\"}}");
        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal(0, _server.Requests);
    }

    [Fact]
    public void FileTransferProtocolsSaysHttpAndHttps()
    {
        var reply = _h.Request("GetVariables", "{\"getVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"FileTransferProtocols\"}}]}");
        Assert.Equal("HTTP,HTTPS", reply[2].GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString());
    }

    private sealed class FakeLogSource : ILogLineSource
    {
        private readonly List<(string Line, DateTime Utc)> _lines = new();

        public void Add(string line, DateTime utc) => _lines.Add((line, utc));

        public long LastSequence => _lines.Count;

        public string NextLine(long afterSequence, out long sequence, out DateTime utc)
        {
            if (afterSequence >= _lines.Count)
            {
                sequence = _lines.Count + 1;
                utc = DateTime.MinValue;
                return null;
            }

            sequence = afterSequence + 1;
            utc = _lines[(int)afterSequence].Utc;
            return _lines[(int)afterSequence].Line;
        }
    }
}
