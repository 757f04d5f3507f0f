using System;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Charger.Sim.Models.Csms;
using Xunit.Abstractions;

namespace Charger.Sim.Tests.Csms
{
    /// <summary>
    /// The --realtime endpoint: a real HttpListener WebSocket on 127.0.0.1 (ephemeral port) that a
    /// System.Net.WebSockets client reaches as a station would.
    /// </summary>
    public sealed class WebSocketServerTests
    {
        private const int TestTimeoutMs = 10_000;
        private const string Password = "s3cret-s3cret-s3cret";

        private readonly ITestOutputHelper _output;

        public WebSocketServerTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task StationBootsOverARealWebSocketAndAnswersAScriptedCall()
        {
            var wall = Stopwatch.StartNew();
            var csms = new BuiltInCsms(new CsmsOptions { BasicAuthPassword = Password }, () => wall.ElapsedMilliseconds,
                CsmsHarness.Epoch);
            using (var server = new CsmsWebSocketServer(csms))
            using (var client = NewClient("CP-RT", Password, "ocpp2.0.1"))
            using (var timeout = new CancellationTokenSource(TestTimeoutMs))
            {
                Assert.StartsWith("ws://127.0.0.1:", server.Url);
                await client.ConnectAsync(new Uri(server.Url + "CP-RT"), timeout.Token);
                Assert.Equal("ocpp2.0.1", client.SubProtocol);

                await SendAsync(client, "[2,\"b-1\",\"BootNotification\"," + CsmsHarness.BootPayload + "]", timeout.Token);
                JsonArray bootAnswer = await ReceiveAsync(client, timeout.Token);
                Assert.Equal(3, (int)bootAnswer[0]);
                Assert.Equal("b-1", (string)bootAnswer[1]);
                Assert.Equal("Accepted", (string)bootAnswer[2]["status"]);
                SchemaCheck.AssertValid("BootNotificationResponse", bootAnswer[2].ToJsonString(), _output);

                CsmsCall reset = csms.Send("CP-RT", CsmsRequests.Reset("OnIdle"));
                JsonArray call = await ReceiveAsync(client, timeout.Token);
                Assert.Equal(2, (int)call[0]);
                Assert.Equal("Reset", (string)call[2]);
                await SendAsync(client, "[3,\"" + (string)call[1] + "\",{\"status\":\"Scheduled\"}]", timeout.Token);
                await WaitUntilAsync(() => reset.IsFinished, timeout.Token);
                Assert.Equal("Scheduled", reset.ResultStatus);

                await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
                await WaitUntilAsync(() => !csms.Station("CP-RT").Connected, timeout.Token);
                Assert.Empty(server.Errors);
            }
        }

        [Fact]
        public async Task WrongPasswordIsRefusedWithHttp401()
        {
            var csms = new BuiltInCsms(new CsmsOptions { BasicAuthPassword = Password }, () => 0, CsmsHarness.Epoch);
            using (var server = new CsmsWebSocketServer(csms))
            using (var client = NewClient("CP-RT", "wrong", "ocpp2.0.1"))
            using (var timeout = new CancellationTokenSource(TestTimeoutMs))
            {
                await Assert.ThrowsAsync<WebSocketException>(() => client.ConnectAsync(new Uri(server.Url + "CP-RT"), timeout.Token));

                Assert.Equal(HttpStatusCode.Unauthorized, client.HttpStatusCode);
                Assert.True(client.HttpResponseHeaders.ContainsKey("WWW-Authenticate"), "RFC 7235: a 401 names its scheme");
                Assert.Contains("password", Assert.Single(csms.ConnectionAttempts).Verdict.Reason);
            }
        }

        [Fact]
        public async Task WrongSubprotocolIsRefusedWithHttp400AndAReason()
        {
            var csms = new BuiltInCsms(new CsmsOptions(), () => 0, CsmsHarness.Epoch);
            using (var server = new CsmsWebSocketServer(csms))
            using (var client = NewClient(null, null, "ocpp1.6"))
            using (var timeout = new CancellationTokenSource(TestTimeoutMs))
            {
                await Assert.ThrowsAsync<WebSocketException>(() => client.ConnectAsync(new Uri(server.Url + "CP-16"), timeout.Token));

                Assert.Equal(HttpStatusCode.BadRequest, client.HttpStatusCode);
                Assert.Contains("ocpp2.0.1", Assert.Single(csms.ConnectionAttempts).Verdict.Reason);
            }
        }

        [Fact]
        public async Task RefusedAttemptDoesNotDisturbTheStationsWorkingConnection()
        {
            var wall = Stopwatch.StartNew();
            var csms = new BuiltInCsms(new CsmsOptions { BasicAuthPassword = Password }, () => wall.ElapsedMilliseconds,
                CsmsHarness.Epoch);
            using (var server = new CsmsWebSocketServer(csms))
            using (var good = NewClient("CP-RT", Password, "ocpp2.0.1"))
            using (var impostor = NewClient("CP-RT", "wrong", "ocpp2.0.1"))
            using (var timeout = new CancellationTokenSource(TestTimeoutMs))
            {
                await good.ConnectAsync(new Uri(server.Url + "CP-RT"), timeout.Token);
                await SendAsync(good, "[2,\"b-1\",\"BootNotification\"," + CsmsHarness.BootPayload + "]", timeout.Token);
                await ReceiveAsync(good, timeout.Token);

                await Assert.ThrowsAsync<WebSocketException>(() => impostor.ConnectAsync(new Uri(server.Url + "CP-RT"), timeout.Token));
                await SendAsync(good, "[2,\"h-1\",\"Heartbeat\",{}]", timeout.Token);
                JsonArray heartbeat = await ReceiveAsync(good, timeout.Token);

                Assert.Equal("h-1", (string)heartbeat[1]);
                Assert.True(csms.Station("CP-RT").Connected);
                Assert.Equal(1, server.ConnectionCount);
            }
        }

        [Fact]
        public async Task FrameOverTheSizeLimitClosesTheSocketWith1009()
        {
            var csms = new BuiltInCsms(new CsmsOptions(), () => 0, CsmsHarness.Epoch);
            using (var server = new CsmsWebSocketServer(csms))
            using (var client = NewClient(null, null, "ocpp2.0.1"))
            using (var timeout = new CancellationTokenSource(TestTimeoutMs))
            {
                await client.ConnectAsync(new Uri(server.Url + "CP-BIG"), timeout.Token);

                await SendAsync(client, "[2,\"x\",\"DataTransfer\",{\"vendorId\":\"" +
                    new string('v', CsmsWebSocketServer.MaxFrameBytes) + "\"}]", timeout.Token);
                var buffer = new byte[1024];
                WebSocketReceiveResult result = await client.ReceiveAsync(new ArraySegment<byte>(buffer), timeout.Token);

                Assert.Equal(WebSocketMessageType.Close, result.MessageType);
                Assert.Equal(WebSocketCloseStatus.MessageTooBig, result.CloseStatus);
                await WaitUntilAsync(() => !csms.Station("CP-BIG").Connected, timeout.Token);
                Assert.Contains(server.Errors, e => e.Contains("refused"));
            }
        }

        [Fact]
        public void DisposeStopsListening()
        {
            var csms = new BuiltInCsms(new CsmsOptions(), () => 0, CsmsHarness.Epoch);
            var server = new CsmsWebSocketServer(csms);
            int port = server.Port;

            server.Dispose();

            using (var probe = new System.Net.Sockets.TcpClient())
            {
                Assert.ThrowsAny<System.Net.Sockets.SocketException>(() => probe.Connect(IPAddress.Loopback, port));
            }
        }

        private static ClientWebSocket NewClient(string user, string password, string subprotocol)
        {
            var client = new ClientWebSocket();
            client.Options.AddSubProtocol(subprotocol);
            client.Options.CollectHttpResponseDetails = true;
            if (user != null)
            {
                client.Options.SetRequestHeader("Authorization",
                    "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
            }

            return client;
        }

        private static Task SendAsync(ClientWebSocket client, string frame, CancellationToken token)
        {
            return client.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(frame)), WebSocketMessageType.Text, true, token);
        }

        private static async Task<JsonArray> ReceiveAsync(ClientWebSocket client, CancellationToken token)
        {
            var buffer = new byte[65536];
            int length = 0;
            WebSocketReceiveResult result;
            do
            {
                result = await client.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), token);
                length += result.Count;
            }
            while (!result.EndOfMessage);

            return JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length)).AsArray();
        }

        private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken token)
        {
            while (!condition())
            {
                await Task.Delay(10, token);
            }
        }
    }
}
