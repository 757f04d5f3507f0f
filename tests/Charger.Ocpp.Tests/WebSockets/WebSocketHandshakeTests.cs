using System.Security.Cryptography;
using System.Text;
using Charger.Hal.WebSockets;

namespace Charger.Ocpp.Tests.WebSockets;

/// <summary>
/// The board's own WebSocket client handshake (RFC 6455 section 4.1), which lets it present a
/// managed client certificate under security profile 3: the request it writes, and every way a
/// server's answer is accepted or refused, each refusal with its own reason.
/// </summary>
public class WebSocketHandshakeTests
{
    private static readonly byte[] Nonce = Enumerable.Range(1, 16).Select(i => (byte)(i * 7)).ToArray();

    private static WebSocketUrl Url(string text = "wss://csms.example:8443/ocpp/CS-042")
    {
        var url = WebSocketUrl.TryParse(text, out string problem);
        Assert.True(url != null, problem);
        return url;
    }

    private static WebSocketHandshake Handshake(string subprotocol = "ocpp2.0.1") =>
        new(Url(), subprotocol, new[] { "Authorization" }, new[] { "Basic Q1MtMDQyOnNlY3JldA==" }, Nonce);

    // The accept value computed independently with .NET's SHA-1.
    private static string DotNetAccept(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));

    private static string Good(WebSocketHandshake h, string extraHeaders = "", string protocol = "Sec-WebSocket-Protocol: ocpp2.0.1\r\n") =>
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        "Sec-WebSocket-Accept: " + DotNetAccept(h.Key) + "\r\n" + protocol + extraHeaders + "\r\n";

    [Fact]
    public void TheRequestCarriesEveryRfc6455HeaderTheSubprotocolAndTheExtraHeaders()
    {
        var h = Handshake();
        string request = Encoding.ASCII.GetString(h.BuildRequest());

        Assert.EndsWith("\r\n\r\n", request);
        string[] lines = request.Substring(0, request.Length - 4).Split("\r\n");
        Assert.Equal("GET /ocpp/CS-042 HTTP/1.1", lines[0]);
        var headers = lines.Skip(1).Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal("csms.example:8443", headers["Host"]);
        Assert.Equal("websocket", headers["Upgrade"]);
        Assert.Equal("Upgrade", headers["Connection"]);
        Assert.Equal(Nonce, Convert.FromBase64String(headers["Sec-WebSocket-Key"]));
        Assert.Equal("13", headers["Sec-WebSocket-Version"]);
        Assert.Equal("ocpp2.0.1", headers["Sec-WebSocket-Protocol"]);
        Assert.Equal("Basic Q1MtMDQyOnNlY3JldA==", headers["Authorization"]);
        Assert.Equal(7, headers.Count);
    }

    [Fact]
    public void TheKeyAndAcceptOfRfc6455Section13()
    {
        var h = new WebSocketHandshake(Url(), null, null, null, Encoding.ASCII.GetBytes("the sample nonce"));
        Assert.Equal("dGhlIHNhbXBsZSBub25jZQ==", h.Key);
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", h.ExpectedAccept);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)] // a slow server: one byte per read
    [InlineData(7)]
    public void AGood101IsAcceptedAndTheFirstFrameStaysInTheStream(int chunk)
    {
        var h = Handshake();
        string head = Good(h);
        byte[] frame = { 0x81, 0x02, (byte)'[', (byte)']' };
        var stream = new ScriptedStream(Encoding.ASCII.GetBytes(head).Concat(frame).ToArray(), chunk);

        Assert.True(h.ReadResponse(stream), h.Failure);
        Assert.Null(h.Failure);
        Assert.Equal(101, h.StatusCode);
        Assert.Equal("ocpp2.0.1", h.AcceptedSubprotocol);
        Assert.Equal(head.Length, h.ResponseBytes);
        Assert.Equal(head.Length, stream.Position0); // not one byte of the frame was taken
    }

    [Fact]
    public void HeaderNamesAndTheUpgradeValueAreCaseInsensitiveAndConnectionMayListTokens()
    {
        var h = Handshake();
        string head = "HTTP/1.1 101 \r\nupgrade: WebSocket\r\nCONNECTION: keep-alive, Upgrade\r\nsec-websocket-accept:" + DotNetAccept(h.Key) +
            "  \r\nSec-Websocket-Protocol: ocpp2.0.1\r\nServer: test\r\n\r\n";

        Assert.True(h.ReadResponse(new ScriptedStream(head)), h.Failure);
        Assert.Equal("ocpp2.0.1", h.AcceptedSubprotocol);
    }

    [Fact]
    public void AMissingAcceptIsRefused()
    {
        var h = Handshake();
        string head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Protocol: ocpp2.0.1\r\n\r\n";

        Assert.False(h.ReadResponse(new ScriptedStream(head)));
        Assert.Equal("the CSMS's 101 response has no Sec-WebSocket-Accept header", h.Failure);
        Assert.Null(h.AcceptedSubprotocol);
    }

    [Fact]
    public void AnAcceptForAnotherKeyIsRefused()
    {
        var h = Handshake();
        string other = DotNetAccept(Convert.ToBase64String(new byte[16]));
        string head = Good(h).Replace(DotNetAccept(h.Key), other);

        Assert.False(h.ReadResponse(new ScriptedStream(head)));
        Assert.Equal("the CSMS's Sec-WebSocket-Accept \"" + other + "\" does not answer the key sent (expected " + DotNetAccept(h.Key) + ")", h.Failure);
    }

    [Fact]
    public void TwoAcceptHeadersAreRefused()
    {
        var h = Handshake();
        Assert.False(h.ReadResponse(new ScriptedStream(Good(h, "Sec-WebSocket-Accept: " + DotNetAccept(h.Key) + "\r\n"))));
        Assert.Contains("more than one Sec-WebSocket-Accept", h.Failure);
    }

    [Fact]
    public void Http401IsReportedAsRefusedCredentialsWithoutReadingFurther()
    {
        var h = Handshake();
        string head = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic\r\n\r\n";
        var stream = new ScriptedStream(head);

        Assert.False(h.ReadResponse(stream));
        Assert.Equal(401, h.StatusCode);
        Assert.Equal("HTTP 401: the CSMS refused the station's credentials (\"Unauthorized\")", h.Failure);
        Assert.Equal("HTTP/1.1 401 Unauthorized\r\n".Length, h.ResponseBytes);
    }

    [Theory]
    [InlineData("HTTP/1.1 503 Service Unavailable", 503, "HTTP 503: the CSMS refused the WebSocket upgrade (\"Service Unavailable\")")]
    [InlineData("HTTP/1.1 400 Bad Request", 400, "HTTP 400: the CSMS refused the WebSocket upgrade (\"Bad Request\")")]
    [InlineData("HTTP/1.1 200 OK", 200, "HTTP 200: the CSMS answered without switching to WebSocket (\"OK\")")]
    [InlineData("HTTP/1.1 302", 302, "HTTP 302: the CSMS answered without switching to WebSocket")]
    public void AnyOtherStatusIsRefusedWithItsCode(string statusLine, int code, string failure)
    {
        var h = Handshake();
        Assert.False(h.ReadResponse(new ScriptedStream(statusLine + "\r\nContent-Length: 0\r\n\r\n")));
        Assert.Equal(code, h.StatusCode);
        Assert.Equal(failure, h.Failure);
    }

    [Theory]
    [InlineData("HTTP/1.0 101 Switching Protocols\r\n\r\n")]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n\r\n")]
    [InlineData("HTTP/1.1 1O1 Switching Protocols\r\n\r\n")]
    [InlineData("HTTP/1.1 1011\r\n\r\n")]
    public void AnythingButAnHttp11StatusLineIsRefused(string head)
    {
        var h = Handshake();
        Assert.False(h.ReadResponse(new ScriptedStream(head)));
        Assert.StartsWith("the CSMS did not answer with an HTTP/1.1 status line", h.Failure);
        Assert.Equal(0, h.StatusCode);
    }

    [Fact]
    public void HeadersLongerThanTheBoundAreRefusedAfterReadingAtMostTheBound()
    {
        var h = Handshake();
        string head = Good(h, "X-Padding: " + new string('a', 5000) + "\r\n");
        var stream = new ScriptedStream(head);

        Assert.False(h.ReadResponse(stream));
        Assert.Equal("the CSMS's handshake response is longer than 4096 bytes before the end of its headers", h.Failure);
        Assert.Equal(WebSocketHandshake.MaxResponseBytes, h.ResponseBytes);
        Assert.Equal(WebSocketHandshake.MaxResponseBytes, stream.Position0);
    }

    [Fact]
    public void AnEndlessResponseStopsAtTheBound()
    {
        var h = Handshake();
        // A server that never ends its status line.
        var stream = new ScriptedStream(Enumerable.Repeat((byte)'H', 1_000_000).ToArray());
        Assert.False(h.ReadResponse(stream));
        Assert.Contains("longer than 4096 bytes", h.Failure);
        Assert.Equal(4096, stream.Position0);
    }

    [Fact]
    public void AFloodOfHeaderLinesIsRefusedAtTheCountBound()
    {
        // 4 needed headers + 28 others = 32: accepted; one more is refused.
        var h = Handshake();
        string filler(int n) => string.Concat(Enumerable.Range(0, n).Select(i => "X-" + i + ": y\r\n"));
        Assert.True(h.ReadResponse(new ScriptedStream(Good(h, filler(28)))), h.Failure);

        Assert.False(h.ReadResponse(new ScriptedStream(Good(h, filler(29)))));
        Assert.Equal("the CSMS's handshake response has more than 32 header lines", h.Failure);
    }

    [Fact]
    public void AConnectionClosedMidResponseIsRefusedWithTheByteCount()
    {
        var h = Handshake();
        string head = Good(h).Substring(0, 40);
        Assert.False(h.ReadResponse(new ScriptedStream(head, 3)));
        Assert.Equal("the CSMS closed the connection during the WebSocket handshake (after 40 bytes of its response)", h.Failure);
    }

    [Fact]
    public void A101WithoutTheSubprotocolIsRefusedAsNotAccepted()
    {
        // OCPP-J 3.1.2: a CSMS that does not speak the offered subprotocol answers without the header.
        var h = Handshake();
        Assert.False(h.ReadResponse(new ScriptedStream(Good(h, protocol: ""))));
        Assert.Equal("the CSMS did not accept subprotocol ocpp2.0.1 (its 101 response has no Sec-WebSocket-Protocol)", h.Failure);
    }

    [Fact]
    public void A101ChoosingASubprotocolThatWasNotOfferedIsRefused()
    {
        var h = Handshake();
        Assert.False(h.ReadResponse(new ScriptedStream(Good(h, protocol: "Sec-WebSocket-Protocol: ocpp1.6\r\n"))));
        Assert.Equal("the CSMS chose subprotocol \"ocpp1.6\", which was not offered", h.Failure);

        var none = Handshake(subprotocol: null);
        Assert.False(none.ReadResponse(new ScriptedStream(Good(none))));
        Assert.Equal("the CSMS chose subprotocol \"ocpp2.0.1\", which was not offered", none.Failure);
    }

    [Fact]
    public void WithoutAnOfferedSubprotocolA101WithoutOneIsAccepted()
    {
        var h = Handshake(subprotocol: null);
        Assert.True(h.ReadResponse(new ScriptedStream(Good(h, protocol: ""))), h.Failure);
        Assert.Null(h.AcceptedSubprotocol);
        Assert.DoesNotContain("Sec-WebSocket-Protocol", Encoding.ASCII.GetString(h.BuildRequest()));
    }

    [Theory]
    [InlineData("Upgrade: h2c\r\n", "no \"Upgrade: websocket\" header")]
    [InlineData("Connection: close\r\n", "no \"Connection: Upgrade\" header")]
    public void AWrongUpgradeOrConnectionHeaderIsRefused(string replacement, string failure)
    {
        var h = Handshake();
        string good = Good(h);
        string head = replacement.StartsWith("Upgrade") ? good.Replace("Upgrade: websocket\r\n", replacement) : good.Replace("Connection: Upgrade\r\n", replacement);
        Assert.False(h.ReadResponse(new ScriptedStream(head)));
        Assert.Contains(failure, h.Failure);
    }

    [Theory]
    [InlineData("Sec-WebSocket-Extensions: permessage-deflate\r\n", "extensions that were not offered")]
    [InlineData("Sec-WebSocket-Protocol: ocpp2.0.1\r\n", "more than one Sec-WebSocket-Protocol")]
    [InlineData(" folded continuation\r\n", "malformed header line")]
    [InlineData("NoColonHere\r\n", "malformed header line")]
    [InlineData("Bad Name: x\r\n", "malformed header line")]
    [InlineData("X-Nul: a\u0000b\r\n", "control byte 0x00")]
    [InlineData("X-Cr: a\rb\r\n", "CR that does not end a line")]
    public void MalformedOrUnexpectedHeadersAreRefusedWithTheReason(string extra, string failure)
    {
        var h = Handshake();
        Assert.False(h.ReadResponse(new ScriptedStream(Good(h, extra))));
        Assert.Contains(failure, h.Failure);
    }

    [Fact]
    public void RandomAndMutatedResponsesNeverThrowAndNeverReadPastTheBound()
    {
        var rnd = new Random(6455);
        var h = Handshake();
        byte[] good = Encoding.ASCII.GetBytes(Good(h));
        for (int i = 0; i < 3000; i++)
        {
            byte[] bytes;
            if (i % 2 == 0)
            {
                bytes = new byte[rnd.Next(0, 6000)];
                rnd.NextBytes(bytes);
            }
            else
            {
                bytes = (byte[])good.Clone();
                for (int m = 0; m < 1 + rnd.Next(3); m++)
                {
                    bytes[rnd.Next(bytes.Length)] = (byte)rnd.Next(256);
                }
            }

            var stream = new ScriptedStream(bytes, 1 + rnd.Next(64));
            bool ok = h.ReadResponse(stream);
            Assert.True(ok || h.Failure != null);
            Assert.True(h.ResponseBytes <= WebSocketHandshake.MaxResponseBytes);
        }
    }

    [Theory]
    [InlineData("Authorization", "Basic x\r\nX-Injected: 1")]
    [InlineData("Authorization", "Basic x\n")]
    [InlineData("Bad Name", "x")]
    [InlineData("Host", "evil.example")]
    [InlineData("sec-websocket-key", "AAAA")]
    public void RequestHeadersThatWouldBreakOrOverrideTheRequestAreRefused(string name, string value)
    {
        Assert.Throws<ArgumentException>(() => new WebSocketHandshake(Url(), "ocpp2.0.1", new[] { name }, new[] { value }, Nonce));
    }

    [Fact]
    public void AKeyNonceMustBeSixteenBytesAndTheSubprotocolAToken()
    {
        Assert.Throws<ArgumentException>(() => new WebSocketHandshake(Url(), "ocpp2.0.1", null, null, new byte[15]));
        Assert.Throws<ArgumentException>(() => new WebSocketHandshake(Url(), "ocpp 2.0.1", null, null, Nonce));
        Assert.Throws<ArgumentException>(() => new WebSocketHandshake(Url(), "ocpp2.0.1", new[] { "A" }, null, Nonce));
    }

    [Theory]
    [InlineData("ws://csms.example/ocpp/CS1", false, "csms.example", 80, "/ocpp/CS1", "csms.example")]
    [InlineData("wss://csms.example/ocpp/CS1", true, "csms.example", 443, "/ocpp/CS1", "csms.example")]
    [InlineData("wss://csms.example:443/x", true, "csms.example", 443, "/x", "csms.example")]
    [InlineData("wss://127.0.0.1:8443", true, "127.0.0.1", 8443, "/", "127.0.0.1:8443")]
    [InlineData("ws://h:9000?id=CS1", false, "h", 9000, "/?id=CS1", "h:9000")]
    [InlineData("wss://[::1]:9443/ocpp", true, "::1", 9443, "/ocpp", "[::1]:9443")]
    public void UrlsAreTakenApartForTheRequest(string text, bool secure, string host, int port, string resource, string hostHeader)
    {
        var url = Url(text);
        Assert.Equal(secure, url.Secure);
        Assert.Equal(host, url.Host);
        Assert.Equal(port, url.Port);
        Assert.Equal(resource, url.Resource);
        Assert.Equal(hostHeader, url.HostHeader);
    }

    [Theory]
    [InlineData("http://csms.example/", "starts with ws:// or wss://")]
    [InlineData("wss://csms.example/a b", "space, control or non-ASCII")]
    [InlineData("wss://csms.example/a\r\nHost: x", "space, control or non-ASCII")]
    [InlineData("wss://csms.example/ocpp#frag", "fragment")]
    [InlineData("wss://user:pw@csms.example/", "user information")]
    [InlineData("wss://:443/", "no host")]
    [InlineData("wss://csms.example:0/", "port must be")]
    [InlineData("wss://csms.example:65536/", "port must be")]
    [InlineData("wss://csms.example:https/", "port must be")]
    [InlineData("wss://[::1/", "IPv6")]
    [InlineData(null, "no URL")]
    public void UnusableUrlsAreRefusedWithAReason(string text, string problem)
    {
        Assert.Null(WebSocketUrl.TryParse(text, out string why));
        Assert.Contains(problem, why);
    }
}
