using Charger.Firmware.Console;
using Charger.Hal;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// Sits between the OCPP client and the board's WebSocket: keeps the last few frames (time,
    /// direction, action) for the console's <c>ocpp</c> command and, while <c>ocpp trace on</c>, logs
    /// every frame in full. Secrets (passwords the CSMS sets) are masked in both.
    /// </summary>
    public sealed class TracingWebSocket : IWebSocketClient, IOcppTrace
    {
        /// <summary>How many recent frames the console shows.</summary>
        public const int RecentCapacity = 8;

        /// <summary>Longest frame text written to the log while tracing.</summary>
        public const int MaxTracedChars = 400;

        /// <summary>
        /// Longest line the recent-message list keeps: time, direction, kind, an action or error code and a
        /// message id of at most 36 characters each (OCPP-J 2.0.1 section 4.1.4), so a peer cannot park
        /// 16,000 characters in it (issue 13).
        /// </summary>
        public const int MaxSummaryChars = 120;

        // Longest action, error code or message id quoted in a summary; longer text is cut and marked.
        private const int MaxQuotedChars = 36;

        // Characters at the start of a frame a summary looks at: kind, id, action or error code.
        private const int SummaryHeadChars = 160;

        private static readonly string[] SecretVariables = { "MaintenancePassword", "BasicAuthPassword" };

        private readonly IWebSocketClient _inner;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly string[] _recent = new string[RecentCapacity];
        private int _recentCount;
        private int _recentNext;
        private bool _tracing;

        public TracingWebSocket(IWebSocketClient inner, IClock clock, ILog log)
        {
            _inner = inner;
            _clock = clock;
            _log = log;
            _inner.TextReceived += OnText;
            _inner.Closed += OnClosed;
            _inner.Oversize += OnOversize;
        }

        public event WebSocketTextHandler TextReceived;

        public event WebSocketClosedHandler Closed;

        public event WebSocketOversizeHandler Oversize;

        public WebSocketState State
        {
            get { return _inner.State; }
        }

        public string AcceptedSubprotocol
        {
            get { return _inner.AcceptedSubprotocol; }
        }

        public TlsSettings Tls
        {
            get { return _inner.Tls; }
            set { _inner.Tls = value; }
        }

        public int MaxFrameBytes
        {
            get { return _inner.MaxFrameBytes; }
            set { _inner.MaxFrameBytes = value; }
        }

        public bool Enabled
        {
            get { return _tracing; }
        }

        public int RecentCount
        {
            get { return _recentCount; }
        }

        public void SetEnabled(bool enabled)
        {
            _tracing = enabled;
            _log.Write(LogLevel.Info, "ocpp", "frame trace " + (enabled ? "on" : "off"));
        }

        /// <summary>Copies the recent frame summaries, oldest first; returns how many.</summary>
        public int CopyRecent(string[] destination, int offset)
        {
            int n = 0;
            for (int age = _recentCount - 1; age >= 0 && offset + n < destination.Length; age--)
            {
                destination[offset + n] = _recent[(_recentNext - 1 - age + RecentCapacity * 2) % RecentCapacity];
                n++;
            }

            return n;
        }

        public void Open(string url, string subprotocol, string[] headerNames, string[] headerValues)
        {
            Remember(">", "connect " + url);
            _inner.Open(url, subprotocol, headerNames, headerValues);
        }

        public bool SendText(string text)
        {
            Record(">", text);
            return _inner.SendText(text);
        }

        public bool SendPing()
        {
            return _inner.SendPing();
        }

        public void Close()
        {
            _inner.Close();
        }

        /// <summary>
        /// Masks every attributeValue in a frame that names a secret variable (SetVariables of a
        /// password). Whole-frame masking, because the value may come before or after the name.
        /// </summary>
        public static string Mask(string frame)
        {
            bool secret = false;
            for (int i = 0; i < SecretVariables.Length && !secret; i++)
            {
                secret = frame.IndexOf(SecretVariables[i]) >= 0;
            }

            if (!secret)
            {
                return frame;
            }

            // One pass, copying into one builder: cutting and joining the frame per value cost the square
            // of its size (10 MB for a 16 KB SetVariables, issue 13).
            const string Key = "\"attributeValue\"";

            // Scanned as an array: nanoCLR strings are UTF-8, so indexing one walks it from the start.
            char[] chars = frame.ToCharArray();
            System.Text.StringBuilder masked = null;
            int copied = 0;
            int at = frame.IndexOf(Key);
            while (at >= 0)
            {
                int colon = frame.IndexOf(':', at + Key.Length);
                int open = colon < 0 ? -1 : frame.IndexOf('"', colon + 1);
                int close = open < 0 ? -1 : ClosingQuote(chars, open);
                if (close < 0)
                {
                    break;
                }

                if (masked == null)
                {
                    masked = new System.Text.StringBuilder(frame.Length);
                }

                masked.Append(chars, copied, open + 1 - copied);
                masked.Append("***");
                copied = close;
                at = frame.IndexOf(Key, close + 1);
            }

            if (masked == null)
            {
                return frame;
            }

            masked.Append(chars, copied, chars.Length - copied);
            return masked.ToString();
        }

        private static int ClosingQuote(char[] s, int open)
        {
            for (int i = open + 1; i < s.Length; i++)
            {
                if (s[i] == '\\')
                {
                    i++;
                }
                else if (s[i] == '"')
                {
                    return i;
                }
            }

            return -1;
        }

        private void OnText(string text)
        {
            Record("<", text);
            WebSocketTextHandler handler = TextReceived;
            if (handler != null)
            {
                handler(text);
            }
        }

        private void OnClosed(int closeCode, string reason)
        {
            Remember("<", "closed " + closeCode + " " + (reason == null ? "" : Printable(reason.ToCharArray(0, reason.Length > MaxQuotedChars ? MaxQuotedChars + 1 : reason.Length), 0, MaxQuotedChars + 1)));
            WebSocketClosedHandler handler = Closed;
            if (handler != null)
            {
                handler(closeCode, reason);
            }
        }

        private void OnOversize(int frameLengthBytes)
        {
            Remember("<", "oversize frame refused (" + frameLengthBytes + " bytes)");
            WebSocketOversizeHandler handler = Oversize;
            if (handler != null)
            {
                handler(frameLengthBytes);
            }
        }

        private void Record(string direction, string frame)
        {
            Remember(direction, Summary(frame));
            if (_tracing)
            {
                string masked = Mask(frame);
                _log.Write(LogLevel.Debug, "ocpp", direction + " " + (masked.Length > MaxTracedChars ? masked.Substring(0, MaxTracedChars) + "..." : masked));
            }
        }

        private void Remember(string direction, string what)
        {
            string line = Diagnostics.LogFormat.FormatTimestamp(_clock.NowMs) + " " + direction + " " + what;
            _recent[_recentNext] = line.Length > MaxSummaryChars ? line.Substring(0, MaxSummaryChars - 3) + "..." : line;
            _recentNext = (_recentNext + 1) % RecentCapacity;
            if (_recentCount < RecentCapacity)
            {
                _recentCount++;
            }
        }

        // Text from a peer as the console may show it: at most MaxQuotedChars, control characters and
        // anything outside printable ASCII as '?', so a frame can neither flood nor drive the terminal.
        private static string Printable(char[] frame, int start, int length)
        {
            if (start + length > frame.Length)
            {
                length = frame.Length - start;
            }

            bool cut = length > MaxQuotedChars;
            int n = cut ? MaxQuotedChars : length;
            char[] chars = new char[cut ? n + 3 : n];
            for (int i = 0; i < n; i++)
            {
                char c = frame[start + i];
                chars[i] = c >= ' ' && c < (char)0x7F ? c : '?';
            }

            if (cut)
            {
                chars[n] = '.';
                chars[n + 1] = '.';
                chars[n + 2] = '.';
            }

            return new string(chars);
        }

        // "CALL Heartbeat 7", "RESULT 7", "ERROR FormatViolation 7": what the frame is and its message
        // id, never its payload. OCPP-J: [2,id,action,{}], [3,id,{}], [4,id,code,description,{}].
        private static string Summary(string frame)
        {
            if (frame.StartsWith("[2,"))
            {
                return "CALL " + QuotedAt(frame, 1) + " " + QuotedAt(frame, 0);
            }

            if (frame.StartsWith("[3,"))
            {
                return "RESULT " + QuotedAt(frame, 0);
            }

            if (frame.StartsWith("[4,"))
            {
                return "ERROR " + QuotedAt(frame, 1) + " " + QuotedAt(frame, 0);
            }

            return "unreadable frame";
        }

        // The text of the n-th quoted string in the frame (0-based), without its quotes. Only the frame's
        // head is searched: the kind, id and action come first, and a string running past the head is
        // shown cut, as the console would cut it anyway.
        private static string QuotedAt(string frame, int n)
        {
            char[] head = frame.Length > SummaryHeadChars ? frame.ToCharArray(0, SummaryHeadChars) : frame.ToCharArray();
            int at = -1;
            for (int i = 0; i <= n; i++)
            {
                int open = IndexOf(head, '"', at + 1);
                if (open < 0)
                {
                    return "?";
                }

                int close = ClosingQuote(head, open);
                if (close < 0)
                {
                    return i == n ? Printable(head, open + 1, MaxQuotedChars + 1) : "?";
                }

                if (i == n)
                {
                    return Printable(head, open + 1, close - open - 1);
                }

                at = close;
            }

            return "?";
        }

        private static int IndexOf(char[] chars, char c, int from)
        {
            for (int i = from; i < chars.Length; i++)
            {
                if (chars[i] == c)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
