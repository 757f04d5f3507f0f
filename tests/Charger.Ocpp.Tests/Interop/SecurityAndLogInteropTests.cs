using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Charger.Ocpp.Security;
using Charger.Sim.Models.Network;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>
/// Issue 16 against the strict ocpp-rpc CSMS (official 2.0.1 schemas both ways): SecurityEventNotification,
/// GetLog with LogStatusNotification, and the log's bytes arriving at a Node HTTP server.
/// </summary>
[Trait("Category", "Interop")]
public class SecurityAndLogInteropTests : IClassFixture<NodeCsmsFixture>
{
    private const string Password = "interop-password-0001";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly NodeCsms _csms;

    public SecurityAndLogInteropTests(NodeCsmsFixture fixture) => _csms = fixture.Csms;

    private InteropStation Registered(string identity)
    {
        var station = new InteropStation(_csms.Url, identity, Password);
        station.Station.AttachLogUpload(new DesktopHttpTransfer(4096), null);
        _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = identity, ["password"] = Password }), () => { });
        _csms.WaitEvent(e => IsCall(e, identity, "StatusNotification"), Wait, station.Tick);
        return station;
    }

    private static bool IsCall(JsonElement e, string identity, string method) =>
        e.GetProperty("event").GetString() == "call" && e.GetProperty("identity").GetString() == identity && e.GetProperty("method").GetString() == method;

    private JsonElement GetLog(InteropStation s, string url, int requestId, int retries, int retryInterval)
    {
        var reply = _csms.WaitReply(_csms.Send(new JsonObject
        {
            ["cmd"] = "call", ["identity"] = s.Identity, ["method"] = "GetLog",
            ["params"] = new JsonObject
            {
                ["logType"] = "SecurityLog", ["requestId"] = requestId, ["retries"] = retries, ["retryInterval"] = retryInterval,
                ["log"] = new JsonObject { ["remoteLocation"] = url },
            },
        }), s.Tick);
        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.GetRawText());
        return reply.GetProperty("result");
    }

    private List<string> LogStatuses(string identity) => _csms.Calls(identity, "LogStatusNotification")
        .Select(c => c.GetProperty("params").GetProperty("status").GetString() + "/" + c.GetProperty("params").GetProperty("requestId").GetInt32())
        .ToList();

    private void WaitLogStatus(InteropStation s, string status) =>
        _csms.WaitEvent(e => IsCall(e, s.Identity, "LogStatusNotification") && e.GetProperty("params").GetProperty("status").GetString() == status,
            TimeSpan.FromSeconds(30), s.Tick);

    [Fact]
    public void SecurityEventsPassTheStrictCsms_A04()
    {
        using var s = Registered("IOP-SEC-EVENTS");
        _csms.WaitEvent(e => IsCall(e, s.Identity, "SecurityEventNotification")
            && e.GetProperty("params").GetProperty("type").GetString() == "StartupOfTheDevice", Wait, s.Tick);
        s.Station.SecurityEvents.Raise(SecurityEventTypes.TamperDetectionActivated, "enclosure opened", s.NowMs);
        var tamper = _csms.WaitEvent(e => IsCall(e, s.Identity, "SecurityEventNotification")
            && e.GetProperty("params").GetProperty("type").GetString() == "TamperDetectionActivated", Wait, s.Tick);
        Assert.Equal("enclosure opened", tamper.GetProperty("params").GetProperty("techInfo").GetString());
        for (int i = 0; i < 20; i++)
        {
            s.Tick();
            Thread.Sleep(10);
        }

        Assert.Equal(s.Station.SecurityEvents.Log.LastSequence, s.Station.SecurityEvents.Log.AcknowledgedSequence);
        Assert.Empty(_csms.StrictFailures(s.Identity));
    }

    [Fact]
    public void TheSecurityLogArrivesIntactAtAnHttpServer_N01()
    {
        using var http = new NodeUploadServer();
        using var s = Registered("IOP-GETLOG");
        s.Station.SecurityEvents.Raise(SecurityEventTypes.InvalidCsmsCertificate, "wrong host ünïcode €", s.NowMs);
        var result = GetLog(s, http.Url, 31, 1, 1);
        Assert.Equal("Accepted", result.GetProperty("status").GetString());
        Assert.Equal("IOP-GETLOG-security-31.log", result.GetProperty("filename").GetString());
        WaitLogStatus(s, "Uploaded");

        var upload = Assert.Single(http.Uploads);
        Assert.Equal("POST", upload.GetProperty("method").GetString());
        byte[] body = Convert.FromBase64String(upload.GetProperty("body").GetString());
        Assert.Equal(body.Length.ToString(), upload.GetProperty("contentLength").GetString());
        var log = s.Station.SecurityEvents.Log;
        string expected = string.Concat(Enumerable.Range(1, (int)log.LastSequence).Select(q => log.Read(q)).Where(e => e != null)
            .Select(e => SecurityLog.FormatLine(e) + "\n"));
        string boundary = upload.GetProperty("contentType").GetString().Split("boundary=")[1];
        string text = Encoding.UTF8.GetString(body);
        Assert.StartsWith("--" + boundary + "\r\n", text);
        Assert.EndsWith("\r\n--" + boundary + "--\r\n", text);
        int start = text.IndexOf("\r\n\r\n") + 4;
        string file = text.Substring(start, text.Length - start - ("\r\n--" + boundary + "--\r\n").Length);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(file));
        Assert.Contains("filename=\"IOP-GETLOG-security-31.log\"", text);
        Assert.Equal(new[] { "Uploading/31", "Uploaded/31" }, LogStatuses(s.Identity));
        Assert.Empty(_csms.StrictFailures(s.Identity));
    }

    [Fact]
    public void AServerAnswering500EndsInUploadFailureAfterTheRetries()
    {
        using var http = new NodeUploadServer();
        http.AnswerWith(500);
        using var s = Registered("IOP-GETLOG-500");
        GetLog(s, http.Url, 32, 2, 1);
        WaitLogStatus(s, "UploadFailure");
        Assert.Equal(3, http.Uploads.Count);
        Assert.Equal(new[] { "Uploading/32", "UploadFailure/32" }, LogStatuses(s.Identity));
        Assert.Empty(_csms.StrictFailures(s.Identity));
    }

    [Fact]
    public void ARefusedConnectionEndsInUploadFailureAfterTheRetries()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var s = Registered("IOP-GETLOG-REFUSED");
        GetLog(s, "http://127.0.0.1:" + closedPort + "/logs", 33, 1, 1);
        WaitLogStatus(s, "UploadFailure");
        Assert.Equal(2, s.Station.LogUploads.Attempts);
        Assert.Equal(new[] { "Uploading/33", "UploadFailure/33" }, LogStatuses(s.Identity));
        Assert.True(s.Log.Contains("connect failed"));
        Assert.Empty(_csms.StrictFailures(s.Identity));
    }

    private JsonElement SetPassword(InteropStation s, string password)
    {
        var reply = _csms.WaitReply(_csms.Send(new JsonObject
        {
            ["cmd"] = "call", ["identity"] = s.Identity, ["method"] = "SetVariables",
            ["params"] = JsonNode.Parse("{\"setVariableData\":[{\"attributeValue\":\"" + password
                + "\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"BasicAuthPassword\"}}]}"),
        }), s.Tick);
        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.GetRawText());
        return reply.GetProperty("result").GetProperty("setVariableResult")[0];
    }

    [Fact]
    public void ANewPasswordIsUsedForTheNextConnection_A01()
    {
        const string newPassword = "interop-password-0002-new";
        using var s = Registered("IOP-A01-NEW");
        int authsBefore = _csms.Auths(s.Identity).Count;
        _csms.WaitReply(_csms.Send(new JsonObject { ["cmd"] = "configure", ["identity"] = s.Identity, ["password"] = newPassword }), () => { });
        Assert.Equal("Accepted", SetPassword(s, newPassword).GetProperty("attributeStatus").GetString());
        _csms.WaitEvent(e => e.GetProperty("event").GetString() == "auth" && e.GetProperty("identity").GetString() == s.Identity
            && e.GetProperty("accepted").GetBoolean() && _csms.Auths(s.Identity).Count > authsBefore, Wait, s.Tick);
        long end = Environment.TickCount64 + 10_000;
        while (!s.Station.Connection.IsConnected && Environment.TickCount64 < end)
        {
            s.Tick();
            Thread.Sleep(5);
        }

        Assert.True(s.Station.Connection.IsConnected);
        Assert.False(s.Station.PasswordChange.ChangePending);
        Assert.Empty(_csms.StrictFailures(s.Identity));
    }

    [Fact]
    public void ANewPasswordTheCsmsRefusesFallsBackToTheOldOne_A01()
    {
        using var s = Registered("IOP-A01-REFUSED");
        Assert.Equal("Accepted", SetPassword(s, "a-password-the-csms-does-not-know").GetProperty("attributeStatus").GetString());
        _csms.WaitEvent(e => e.GetProperty("event").GetString() == "auth" && e.GetProperty("identity").GetString() == s.Identity
            && !e.GetProperty("passwordOk").GetBoolean(), Wait, s.Tick);
        long end = Environment.TickCount64 + 15_000;
        while (!(s.Station.Connection.IsConnected && s.Station.PasswordChange.Fallbacks == 1) && Environment.TickCount64 < end)
        {
            s.Tick();
            Thread.Sleep(5);
        }

        Assert.Equal(1, s.Station.PasswordChange.Fallbacks);
        Assert.True(s.Station.Connection.IsConnected);
        Assert.Equal(Password, s.Station.Variables.BasicAuthPassword.Value);
        Assert.Empty(_csms.StrictFailures(s.Identity));
    }
}
