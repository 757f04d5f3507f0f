using System.IO;
using System.Text;
using Charger.Crypto;

namespace Charger.Hal.WebSockets
{
    /// <summary>
    /// The client side of the WebSocket opening handshake (RFC 6455 section 4.1) over any byte
    /// stream: the request (Host, Upgrade, Connection, a fresh Sec-WebSocket-Key,
    /// Sec-WebSocket-Version 13, the subprotocol, extra headers such as Authorization) and the
    /// checks on the server's response, with bounds so a hostile or broken server cannot make the
    /// station buffer without end: the response head is read one byte at a time (never past its
    /// blank line, so the first WebSocket frame stays in the stream for the frame layer), at most
    /// <see cref="MaxResponseBytes"/> bytes and <see cref="MaxHeaderCount"/> header lines.
    /// A refused handshake gives <see cref="Failure"/>, a reason a technician can act on; HTTP 401
    /// always reads "HTTP 401" (the OCPP layer counts those as authentication failures).
    /// </summary>
    public sealed class WebSocketHandshake
    {
        /// <summary>RFC 6455 section 1.3: the GUID appended to the key before hashing.</summary>
        public const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

        /// <summary>RFC 6455 section 4.1 item 7: the key is 16 random bytes, base64-encoded.</summary>
        public const int KeyNonceBytes = 16;

        /// <summary>
        /// Bound on the response's status line and headers together. A CSMS's 101 carries about
        /// 200 bytes; 4 KB leaves room for proxies and cookies without letting a server fill the heap.
        /// </summary>
        public const int MaxResponseBytes = 4096;

        /// <summary>Bound on the response's header lines.</summary>
        public const int MaxHeaderCount = 32;

        public const int StatusSwitchingProtocols = 101;
        public const int StatusUnauthorized = 401;

        private const int MaxQuotedChars = 64;

        private readonly WebSocketUrl _url;
        private readonly string _subprotocol;
        private readonly string[] _headerNames;
        private readonly string[] _headerValues;
        private readonly string _key;
        private int _statusCode;
        private string _failure;
        private string _acceptedSubprotocol;
        private int _responseBytes;

        /// <param name="url">Where to connect.</param>
        /// <param name="subprotocol">Offered in Sec-WebSocket-Protocol ("ocpp2.0.1"); null offers none.</param>
        /// <param name="headerNames">Extra request headers (Authorization, ...); parallel to <paramref name="headerValues"/>; may be null.</param>
        /// <param name="nonce">16 bytes from the station's random source: the Sec-WebSocket-Key.</param>
        public WebSocketHandshake(WebSocketUrl url, string subprotocol, string[] headerNames, string[] headerValues, byte[] nonce)
        {
            if (url == null)
            {
                throw new System.ArgumentNullException("url");
            }

            if (nonce == null || nonce.Length != KeyNonceBytes)
            {
                throw new System.ArgumentException("the Sec-WebSocket-Key nonce must be 16 bytes (RFC 6455 section 4.1)");
            }

            if (subprotocol != null && !IsToken(subprotocol))
            {
                throw new System.ArgumentException("a subprotocol is an HTTP token: " + subprotocol);
            }

            int names = headerNames == null ? 0 : headerNames.Length;
            int values = headerValues == null ? 0 : headerValues.Length;
            if (names != values)
            {
                throw new System.ArgumentException("header names and values must pair up");
            }

            for (int i = 0; i < names; i++)
            {
                string name = headerNames[i];
                string value = headerValues[i];
                if (name == null || !IsToken(name))
                {
                    throw new System.ArgumentException("header " + i.ToString() + " has no valid HTTP name");
                }

                if (IsReserved(name.ToLower()))
                {
                    throw new System.ArgumentException("header " + name + " is written by the handshake itself");
                }

                if (value == null || !IsFieldValue(value))
                {
                    // A CR or LF in a value would let it add headers or end the request early.
                    throw new System.ArgumentException("header " + name + " has a value with control characters");
                }
            }

            _url = url;
            _subprotocol = subprotocol;
            _headerNames = headerNames;
            _headerValues = headerValues;
            _key = System.Convert.ToBase64String(nonce);
        }

        /// <summary>The Sec-WebSocket-Key sent.</summary>
        public string Key
        {
            get { return _key; }
        }

        /// <summary>The Sec-WebSocket-Accept the server must answer with.</summary>
        public string ExpectedAccept
        {
            get { return AcceptFor(_key); }
        }

        /// <summary>The response's status code; 0 before a status line was read.</summary>
        public int StatusCode
        {
            get { return _statusCode; }
        }

        /// <summary>Why the handshake failed; null when it succeeded (or has not run).</summary>
        public string Failure
        {
            get { return _failure; }
        }

        /// <summary>The subprotocol the server accepted (always the one offered); null on failure.</summary>
        public string AcceptedSubprotocol
        {
            get { return _acceptedSubprotocol; }
        }

        /// <summary>Bytes of the response read so far: the status line and headers, never more.</summary>
        public int ResponseBytes
        {
            get { return _responseBytes; }
        }

        /// <summary>RFC 6455 section 4.2.2 item 5.4: base64(SHA-1(key + GUID)).</summary>
        public static string AcceptFor(string key)
        {
            return System.Convert.ToBase64String(Sha1.Hash(Encoding.UTF8.GetBytes(key + AcceptGuid)));
        }

        /// <summary>The HTTP upgrade request, ASCII.</summary>
        public byte[] BuildRequest()
        {
            string request = "GET " + _url.Resource + " HTTP/1.1\r\n" +
                "Host: " + _url.HostHeader + "\r\n" +
                "Upgrade: websocket\r\n" +
                "Connection: Upgrade\r\n" +
                "Sec-WebSocket-Key: " + _key + "\r\n" +
                "Sec-WebSocket-Version: 13\r\n";
            if (_subprotocol != null)
            {
                request += "Sec-WebSocket-Protocol: " + _subprotocol + "\r\n";
            }

            int count = _headerNames == null ? 0 : _headerNames.Length;
            for (int i = 0; i < count; i++)
            {
                request += _headerNames[i] + ": " + _headerValues[i] + "\r\n";
            }

            return Encoding.UTF8.GetBytes(request + "\r\n");
        }

        /// <summary>Writes the request to the stream.</summary>
        public void SendRequest(Stream stream)
        {
            byte[] request = BuildRequest();
            stream.Write(request, 0, request.Length);
            stream.Flush();
        }

        /// <summary>
        /// Reads the server's response head and checks it (RFC 6455 section 4.1, the client's
        /// requirements on the server's handshake). True when the connection is a WebSocket now;
        /// false with <see cref="Failure"/> set otherwise. Exceptions of the stream (timeouts, a
        /// reset) pass through to the caller.
        /// </summary>
        public bool ReadResponse(Stream stream)
        {
            _statusCode = 0;
            _failure = null;
            _acceptedSubprotocol = null;
            _responseBytes = 0;

            byte[] one = new byte[1];
            char[] line = new char[MaxResponseBytes];
            bool statusSeen = false;
            int headerCount = 0;
            bool upgrade = false;
            bool connectionUpgrade = false;
            int acceptCount = 0;
            string accept = null;
            int protocolCount = 0;
            string protocol = null;
            string extensions = null;
            while (true)
            {
                int length = 0;
                bool cr = false;
                while (true)
                {
                    if (_responseBytes >= MaxResponseBytes)
                    {
                        return Fail("the CSMS's handshake response is longer than " + MaxResponseBytes.ToString() + " bytes before the end of its headers");
                    }

                    int read = stream.Read(one, 0, 1);
                    if (read <= 0)
                    {
                        return Fail("the CSMS closed the connection during the WebSocket handshake (after " + _responseBytes.ToString() + " bytes of its response)");
                    }

                    _responseBytes++;
                    byte b = one[0];
                    if (b == (byte)'\n')
                    {
                        break;
                    }

                    if (cr)
                    {
                        return Fail("the CSMS's handshake response has a CR that does not end a line");
                    }

                    if (b == (byte)'\r')
                    {
                        cr = true;
                        continue;
                    }

                    if ((b < 0x20 && b != (byte)'\t') || b == 0x7f)
                    {
                        return Fail("the CSMS's handshake response holds the control byte 0x" + b.ToString("x2"));
                    }

                    line[length++] = (char)b;
                }

                if (!statusSeen)
                {
                    statusSeen = true;
                    if (!ReadStatusLine(line, length))
                    {
                        return false;
                    }

                    continue;
                }

                if (length == 0)
                {
                    break;
                }

                headerCount++;
                if (headerCount > MaxHeaderCount)
                {
                    return Fail("the CSMS's handshake response has more than " + MaxHeaderCount.ToString() + " header lines");
                }

                int colon = -1;
                for (int i = 0; i < length; i++)
                {
                    if (line[i] == ':')
                    {
                        colon = i;
                        break;
                    }
                }

                if (colon <= 0 || !IsTokenChars(line, 0, colon))
                {
                    return Fail("the CSMS's handshake response has a malformed header line: " + Quote(new string(line, 0, length)));
                }

                string name = new string(line, 0, colon).ToLower();
                int start = colon + 1;
                int end = length;
                while (start < end && (line[start] == ' ' || line[start] == '\t'))
                {
                    start++;
                }

                while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t'))
                {
                    end--;
                }

                string value = new string(line, start, end - start);
                if (name == "upgrade")
                {
                    upgrade = value.ToLower() == "websocket";
                }
                else if (name == "connection")
                {
                    connectionUpgrade = connectionUpgrade || HasToken(value.ToLower(), "upgrade");
                }
                else if (name == "sec-websocket-accept")
                {
                    acceptCount++;
                    accept = value;
                }
                else if (name == "sec-websocket-protocol")
                {
                    protocolCount++;
                    protocol = value;
                }
                else if (name == "sec-websocket-extensions" && value.Length > 0)
                {
                    extensions = value;
                }
            }

            // RFC 6455 section 4.1, items 2 to 6 of the client's checks on the server's handshake.
            if (!upgrade)
            {
                return Fail("the CSMS's 101 response has no \"Upgrade: websocket\" header");
            }

            if (!connectionUpgrade)
            {
                return Fail("the CSMS's 101 response has no \"Connection: Upgrade\" header");
            }

            if (acceptCount == 0)
            {
                return Fail("the CSMS's 101 response has no Sec-WebSocket-Accept header");
            }

            if (acceptCount > 1)
            {
                return Fail("the CSMS's 101 response has more than one Sec-WebSocket-Accept header");
            }

            string expected = ExpectedAccept;
            if (accept != expected)
            {
                return Fail("the CSMS's Sec-WebSocket-Accept " + Quote(accept) + " does not answer the key sent (expected " + expected + ")");
            }

            if (extensions != null)
            {
                return Fail("the CSMS chose WebSocket extensions that were not offered: " + Quote(extensions));
            }

            if (protocolCount > 1)
            {
                return Fail("the CSMS's 101 response has more than one Sec-WebSocket-Protocol header");
            }

            if (protocol != null && (_subprotocol == null || protocol != _subprotocol))
            {
                return Fail("the CSMS chose subprotocol " + Quote(protocol) + ", which was not offered");
            }

            if (protocol == null && _subprotocol != null)
            {
                // OCPP 2.0.1 part 4 (OCPP-J) 3.1.2: a CSMS that does not support the subprotocol
                // answers without the header and closes; there is nothing to talk to.
                return Fail("the CSMS did not accept subprotocol " + _subprotocol + " (its 101 response has no Sec-WebSocket-Protocol)");
            }

            _acceptedSubprotocol = protocol;
            return true;
        }

        private bool ReadStatusLine(char[] line, int length)
        {
            // "HTTP/1.1 101 Switching Protocols" (RFC 7230 section 3.1.2); the reason phrase may be empty.
            const string Version = "HTTP/1.1 ";
            bool ok = length >= Version.Length + 3 && (length == Version.Length + 3 || line[Version.Length + 3] == ' ');
            for (int i = 0; ok && i < Version.Length; i++)
            {
                ok = line[i] == Version[i];
            }

            int code = 0;
            for (int i = Version.Length; ok && i < Version.Length + 3; i++)
            {
                char c = line[i];
                ok = c >= '0' && c <= '9';
                code = code * 10 + (c - '0');
            }

            if (!ok)
            {
                return Fail("the CSMS did not answer with an HTTP/1.1 status line: " + Quote(new string(line, 0, length)));
            }

            _statusCode = code;
            if (code == StatusSwitchingProtocols)
            {
                return true;
            }

            string reason = length > Version.Length + 4 ? new string(line, Version.Length + 4, length - Version.Length - 4).Trim() : "";
            string said = reason.Length > 0 ? " (" + Quote(reason) + ")" : "";
            if (code == StatusUnauthorized)
            {
                return Fail("HTTP 401: the CSMS refused the station's credentials" + said);
            }

            if (code < 400)
            {
                return Fail("HTTP " + code.ToString() + ": the CSMS answered without switching to WebSocket" + said);
            }

            return Fail("HTTP " + code.ToString() + ": the CSMS refused the WebSocket upgrade" + said);
        }

        private bool Fail(string reason)
        {
            _failure = reason;
            _acceptedSubprotocol = null;
            return false;
        }

        // Text from the server in a log line: bounded, quoted.
        private static string Quote(string text)
        {
            if (text.Length > MaxQuotedChars)
            {
                text = text.Substring(0, MaxQuotedChars) + "...";
            }

            return "\"" + text + "\"";
        }

        private static bool HasToken(string list, string token)
        {
            string[] parts = list.Split(new char[] { ',' });
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i].Trim() == token)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsReserved(string lowerName)
        {
            return lowerName == "host" || lowerName == "upgrade" || lowerName == "connection" ||
                lowerName == "sec-websocket-key" || lowerName == "sec-websocket-version" ||
                lowerName == "sec-websocket-protocol" || lowerName == "sec-websocket-extensions";
        }

        private static bool IsToken(string text)
        {
            char[] chars = text.ToCharArray();
            return chars.Length > 0 && IsTokenChars(chars, 0, chars.Length);
        }

        // RFC 7230 section 3.2.6: tchar.
        private static bool IsTokenChars(char[] chars, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                char c = chars[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '!' || c == '#' || c == '$' || c == '%' || c == '&' || c == '\'' || c == '*' || c == '+' ||
                    c == '-' || c == '.' || c == '^' || c == '_' || c == '`' || c == '|' || c == '~';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsFieldValue(string value)
        {
            char[] chars = value.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if ((c < ' ' && c != '\t') || c == (char)0x7f)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
