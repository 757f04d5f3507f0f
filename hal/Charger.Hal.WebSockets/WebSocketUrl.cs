namespace Charger.Hal.WebSockets
{
    /// <summary>
    /// A ws:// or wss:// URL taken apart for a connection of our own (RFC 6455 section 3):
    /// scheme, host (for DNS, SNI and the certificate's name check), port, request target and the
    /// Host header. Refuses what RFC 6455 forbids (a fragment) and what would let a URL smuggle
    /// text into the HTTP request (spaces, control characters, user info).
    /// </summary>
    public sealed class WebSocketUrl
    {
        private const int DefaultPort = 80;
        private const int DefaultSecurePort = 443;

        private WebSocketUrl(bool secure, string host, int port, string resource, string hostHeader)
        {
            Secure = secure;
            Host = host;
            Port = port;
            Resource = resource;
            HostHeader = hostHeader;
        }

        /// <summary>True for wss://.</summary>
        public bool Secure { get; private set; }

        /// <summary>The host name or address, without the brackets of an IPv6 literal.</summary>
        public string Host { get; private set; }

        public int Port { get; private set; }

        /// <summary>Path and query: the request target of the GET line ("/" when the URL has none).</summary>
        public string Resource { get; private set; }

        /// <summary>The Host header value: host, plus ":port" when the port is not the scheme's default.</summary>
        public string HostHeader { get; private set; }

        /// <summary>The URL's parts, or null with <paramref name="problem"/> saying why it cannot be used.</summary>
        public static WebSocketUrl TryParse(string url, out string problem)
        {
            problem = null;
            if (url == null || url.Length == 0)
            {
                problem = "no URL";
                return null;
            }

            bool secure;
            int rest;
            if (url.StartsWith("wss://"))
            {
                secure = true;
                rest = 6;
            }
            else if (url.StartsWith("ws://"))
            {
                secure = false;
                rest = 5;
            }
            else
            {
                problem = "a WebSocket URL starts with ws:// or wss://";
                return null;
            }

            // A char array: indexing a string walks it from the start on nanoCLR.
            char[] chars = url.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c <= ' ' || c > '~')
                {
                    problem = "the URL holds a space, control or non-ASCII character at position " + i.ToString() + " (percent-encode it)";
                    return null;
                }
            }

            if (url.IndexOf('#') >= 0)
            {
                problem = "a WebSocket URL must not have a fragment (RFC 6455 section 3)";
                return null;
            }

            int slash = url.IndexOf('/', rest);
            int query = url.IndexOf('?', rest);
            int authorityEnd = slash < 0 ? url.Length : slash;
            if (query >= 0 && query < authorityEnd)
            {
                authorityEnd = query;
            }

            string authority = url.Substring(rest, authorityEnd - rest);
            string resource = authorityEnd == url.Length ? "/" : url.Substring(authorityEnd);
            if (resource[0] == '?')
            {
                resource = "/" + resource;
            }

            if (authority.IndexOf('@') >= 0)
            {
                problem = "user information in a WebSocket URL is not supported (credentials go in the Authorization header)";
                return null;
            }

            string host;
            string portText = null;
            if (authority.Length > 0 && authority[0] == '[')
            {
                int close = authority.IndexOf(']');
                if (close < 2)
                {
                    problem = "an IPv6 host must be written [address]";
                    return null;
                }

                host = authority.Substring(1, close - 1);
                if (close + 1 < authority.Length)
                {
                    if (authority[close + 1] != ':')
                    {
                        problem = "unexpected text after the IPv6 host";
                        return null;
                    }

                    portText = authority.Substring(close + 2);
                }
            }
            else
            {
                int colon = authority.IndexOf(':');
                host = colon < 0 ? authority : authority.Substring(0, colon);
                if (colon >= 0)
                {
                    portText = authority.Substring(colon + 1);
                }
            }

            if (host.Length == 0)
            {
                problem = "the URL has no host";
                return null;
            }

            int defaultPort = secure ? DefaultSecurePort : DefaultPort;
            int port = defaultPort;
            if (portText != null)
            {
                port = ParsePort(portText);
                if (port <= 0)
                {
                    problem = "the port must be a number from 1 to 65535";
                    return null;
                }
            }

            string hostPart = authority[0] == '[' ? "[" + host + "]" : host;
            string hostHeader = port == defaultPort ? hostPart : hostPart + ":" + port.ToString();
            return new WebSocketUrl(secure, host, port, resource, hostHeader);
        }

        // 0 for anything that is not 1..65535 written in 1 to 5 digits.
        private static int ParsePort(string text)
        {
            if (text.Length == 0 || text.Length > 5)
            {
                return 0;
            }

            int value = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return 0;
                }

                value = value * 10 + (c - '0');
            }

            return value > 65535 ? 0 : value;
        }
    }
}
