using System;
using System.Text;
using Charger.Crypto;
using Charger.Hal.WebSockets;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// The board's own WebSocket handshake (profile 3 with a managed client certificate) on the
    /// real runtime: SHA-1 against FIPS 180 and RFC 6455, and the handshake over an in-memory
    /// stream: accepted, refused for each reason, never reading past its headers or its bound.
    /// The time of one accepted handshake is printed as "wshandshake: ... ms".
    /// </summary>
    [TestClass]
    public class WebSocketHandshakeOnTargetTests
    {
        private const string Subprotocol = "ocpp2.0.1";

        private static WebSocketHandshake New()
        {
            string problem;
            WebSocketUrl url = WebSocketUrl.TryParse("wss://csms.example:8443/ocpp/CS-042", out problem);
            Assert.IsNotNull(url);
            byte[] nonce = new byte[16];
            for (int i = 0; i < nonce.Length; i++)
            {
                nonce[i] = (byte)(i * 7 + 3);
            }

            return new WebSocketHandshake(url, Subprotocol, new string[] { "Authorization" }, new string[] { "Basic Q1MtMDQyOnNlY3JldA==" }, nonce);
        }

        private static string Good(WebSocketHandshake h, string extra)
        {
            return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " +
                h.ExpectedAccept + "\r\nSec-WebSocket-Protocol: ocpp2.0.1\r\n" + extra + "\r\n";
        }

        private static ScriptedByteStream Stream(string text, int chunk)
        {
            return new ScriptedByteStream(Encoding.UTF8.GetBytes(text), chunk);
        }

        [TestMethod]
        public void Sha1MatchesFips180AndTheRfc6455Example()
        {
            Assert.AreEqual("A9993E364706816ABA3E25717850C26C9CD0D89D", Hex.Of(Sha1.Hash(Encoding.UTF8.GetBytes("abc"))));
            Assert.AreEqual("84983E441C3BD26EBAAE4AA1F95129E5E54670F1",
                Hex.Of(Sha1.Hash(Encoding.UTF8.GetBytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))));
            Assert.AreEqual("DA39A3EE5E6B4B0D3255BFEF95601890AFD80709", Hex.Of(Sha1.Hash(new byte[0])));
            // RFC 6455 section 1.3.
            Assert.AreEqual("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketHandshake.AcceptFor("dGhlIHNhbXBsZSBub25jZQ=="));
        }

        [TestMethod]
        public void TheRequestCarriesTheKeyVersionSubprotocolAndAuthorization()
        {
            WebSocketHandshake h = New();
            string request = Encoding.UTF8.GetString(h.BuildRequest(), 0, h.BuildRequest().Length);
            Assert.IsTrue(request.StartsWith("GET /ocpp/CS-042 HTTP/1.1\r\nHost: csms.example:8443\r\n"));
            Assert.IsTrue(request.IndexOf("\r\nSec-WebSocket-Key: " + h.Key + "\r\n") > 0);
            Assert.AreEqual(16, Convert.FromBase64String(h.Key).Length);
            Assert.IsTrue(request.IndexOf("\r\nSec-WebSocket-Version: 13\r\n") > 0);
            Assert.IsTrue(request.IndexOf("\r\nSec-WebSocket-Protocol: ocpp2.0.1\r\n") > 0);
            Assert.IsTrue(request.IndexOf("\r\nAuthorization: Basic Q1MtMDQyOnNlY3JldA==\r\n") > 0);
            Assert.IsTrue(request.EndsWith("\r\n\r\n"));
        }

        [TestMethod]
        public void AGood101OneByteAtATimeLeavesTheFirstFrameInTheStream()
        {
            WebSocketHandshake h = New();
            string head = Good(h, "");
            byte[] headBytes = Encoding.UTF8.GetBytes(head);
            byte[] all = new byte[headBytes.Length + 4];
            Array.Copy(headBytes, all, headBytes.Length);
            all[headBytes.Length] = 0x81;
            all[headBytes.Length + 1] = 0x02;
            ScriptedByteStream stream = new ScriptedByteStream(all, 1);

            long start = DateTime.UtcNow.Ticks;
            bool ok = h.ReadResponse(stream);
            long ms = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            OutputHelper.WriteLine("wshandshake: " + headBytes.Length.ToString() + "-byte 101 response read one byte per read and checked (SHA-1 included): " + ms.ToString() + " ms");

            Assert.IsTrue(ok, h.Failure);
            Assert.AreEqual(101, h.StatusCode);
            Assert.AreEqual(Subprotocol, h.AcceptedSubprotocol);
            Assert.AreEqual(headBytes.Length, stream.Taken);
        }

        [TestMethod]
        public void Http401IsReportedAsRefusedCredentials()
        {
            WebSocketHandshake h = New();
            Assert.IsFalse(h.ReadResponse(Stream("HTTP/1.1 401 Unauthorized\r\n\r\n", 5)));
            Assert.AreEqual(401, h.StatusCode);
            Assert.IsTrue(h.Failure.StartsWith("HTTP 401: the CSMS refused the station's credentials"), h.Failure);
        }

        [TestMethod]
        public void AnAcceptForAnotherKeyIsRefused()
        {
            WebSocketHandshake h = New();
            string head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Protocol: ocpp2.0.1\r\n\r\n";
            Assert.IsFalse(h.ReadResponse(Stream(head, 64)));
            Assert.IsTrue(h.Failure.IndexOf("does not answer the key sent") > 0, h.Failure);
        }

        [TestMethod]
        public void A101WithoutTheSubprotocolIsRefused()
        {
            WebSocketHandshake h = New();
            string head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + h.ExpectedAccept + "\r\n\r\n";
            Assert.IsFalse(h.ReadResponse(Stream(head, 64)));
            Assert.IsTrue(h.Failure.StartsWith("the CSMS did not accept subprotocol ocpp2.0.1"), h.Failure);
        }

        [TestMethod]
        public void OversizeHeadersAndHeaderFloodsStopAtTheirBounds()
        {
            WebSocketHandshake h = New();
            char[] pad = new char[5000];
            for (int i = 0; i < pad.Length; i++)
            {
                pad[i] = 'a';
            }

            ScriptedByteStream big = Stream(Good(h, "X-Pad: " + new string(pad) + "\r\n"), 512);
            Assert.IsFalse(h.ReadResponse(big));
            Assert.IsTrue(h.Failure.IndexOf("longer than 4096 bytes") > 0, h.Failure);
            Assert.AreEqual(WebSocketHandshake.MaxResponseBytes, big.Taken);

            string flood = "";
            for (int i = 0; i < 29; i++)
            {
                flood += "X-" + i.ToString() + ": y\r\n";
            }

            Assert.IsFalse(h.ReadResponse(Stream(Good(h, flood), 64)));
            Assert.AreEqual("the CSMS's handshake response has more than 32 header lines", h.Failure);
        }

        [TestMethod]
        public void AResponseCutShortIsRefusedWithoutAnException()
        {
            WebSocketHandshake h = New();
            Assert.IsFalse(h.ReadResponse(Stream("HTTP/1.1 101 Switching Protocols\r\nUpgr", 3)));
            Assert.IsTrue(h.Failure.StartsWith("the CSMS closed the connection during the WebSocket handshake"), h.Failure);
        }
    }
}
