using System.Text;
using Charger.Hal;
using Charger.Ocpp.DeviceModel;

namespace Charger.Ocpp.Transport
{
    /// <summary>
    /// Keeps the OCPP-J WebSocket up (OCPP 2.0.1 part 4 sections 3 and 5; part 2 A00 security
    /// profiles 1 and 2): connects to &lt;CSMS url&gt;/&lt;station id&gt; offering subprotocol
    /// ocpp2.0.1 with HTTP Basic authentication, reconnects with the OCPPCommCtrlr back-off,
    /// pings every WebSocketPingInterval and tells when the station counts as offline
    /// (OfflineThreshold). Only <see cref="Tick"/> touches the socket's Open/Close; the socket's
    /// Closed event merely raises a flag.
    /// </summary>
    public sealed class ConnectionManager
    {
        private const string Component = "ocpp.link";

        /// <summary>The subprotocol of OCPP-J 2.0.1 (part 4 section 3.1.2).</summary>
        public const string Subprotocol = "ocpp2.0.1";

        /// <summary>How long a connection attempt may take before it counts as failed (ours: twice a TLS handshake on a slow cellular link).</summary>
        public const int ConnectTimeoutMs = 30000;

        private const int MsPerSecond = 1000;

        /// <summary>How long a closed socket may go without its Closed event before the attempt counts as failed anyway.</summary>
        private const int ClosedEventGraceMs = 1000;

        private readonly IWebSocketClient _socket;
        private readonly CoreVariables _vars;
        private readonly StationConfig _config;
        private readonly IRandomSource _random;
        private readonly ILog _log;
        private IConnectionListener _listener;
        private ConnectionState _state = ConnectionState.WaitingToConnect;
        private long _nextAttemptMs;
        private long _connectStartedMs;
        private long _lastPingMs;
        private long _disconnectedSinceMs;
        private int _failedAttempts;
        private int _waitsSinceConnected;
        private int _attempts;
        private long _lastBackOffMs;
        private int _authFailures;
        private string _passwordOverride;
        private string _passwordInUse;
        private int _closedFlag; // 1 when the transport thread saw the socket close (Interlocked)
        private string _closedReason;
        private int _closedCode;
        private long _closedSeenMs;
        private ITlsSource _tlsSource;
        private string _baseUrl;
        private int _profile;
        private int _tlsFailures;
        private string _lastTlsFailure;

        public ConnectionManager(IWebSocketClient socket, CoreVariables vars, StationConfig config, IRandomSource random, ILog log)
        {
            _socket = socket;
            _vars = vars;
            _config = config;
            _random = random;
            _log = log;
            _tlsSource = new ConfigTlsSource(config);
            _baseUrl = config.CsmsUrl;
            _profile = -1;
            socket.Closed += OnSocketClosed;
        }

        /// <summary>
        /// Connect from now on with another network profile (B10): its CSMS URL (without the station
        /// id) and security profile. A station waiting because its profile was unusable tries again.
        /// </summary>
        public void UseProfile(string csmsUrl, int securityProfile)
        {
            _baseUrl = csmsUrl;
            _profile = securityProfile;
            if (_state == ConnectionState.Misconfigured)
            {
                _state = ConnectionState.WaitingToConnect;
            }
        }

        /// <summary>The security profile attempts use: the network profile's, else SecurityCtrlr.SecurityProfile.</summary>
        public int SecurityProfileInUse
        {
            get { return _profile >= 0 ? _profile : (int)_vars.SecurityProfile.IntValue; }
        }

        /// <summary>Where wss:// attempts take their roots and client certificate (the provisioned ones by default).</summary>
        public ITlsSource TlsSource
        {
            get { return _tlsSource; }
            set { _tlsSource = value == null ? new ConfigTlsSource(_config) : value; }
        }

        /// <summary>Connection attempts refused in the TLS handshake (close code 1015) since start.</summary>
        public int TlsFailures
        {
            get { return _tlsFailures; }
        }

        /// <summary>Why the last TLS handshake failed, or null.</summary>
        public string LastTlsFailure
        {
            get { return _lastTlsFailure; }
        }

        public ConnectionState State
        {
            get { return _state; }
        }

        /// <summary>Connection attempts since start.</summary>
        public int Attempts
        {
            get { return _attempts; }
        }

        /// <summary>Consecutive failed attempts (reset by a successful connection).</summary>
        public int FailedAttempts
        {
            get { return _failedAttempts; }
        }

        /// <summary>Tick time of the next attempt while waiting.</summary>
        public long NextAttemptMs
        {
            get { return _nextAttemptMs; }
        }

        /// <summary>The last back-off wait chosen, in ms.</summary>
        public long LastBackOffMs
        {
            get { return _lastBackOffMs; }
        }

        /// <summary>
        /// Attempts the CSMS refused with HTTP 401 (Basic authentication failed), since start: the
        /// security event FailedToAuthenticateAtCsms counts these (A04).
        /// </summary>
        public int AuthenticationFailures
        {
            get { return _authFailures; }
        }

        /// <summary>
        /// When not null, the password the next attempts send instead of SecurityCtrlr.BasicAuthPassword
        /// (the previous password while a new one is refused, A01).
        /// </summary>
        public string PasswordOverride
        {
            get { return _passwordOverride; }
            set { _passwordOverride = value; }
        }

        /// <summary>The password the current or last attempt sent (null: none).</summary>
        public string PasswordInUse
        {
            get { return _passwordInUse; }
        }

        /// <summary>
        /// Drops the connection and tries again at once, without the back-off (new credentials, A01.FR.02).
        /// </summary>
        public void Reconnect(long nowMs, string reason)
        {
            if (_state == ConnectionState.Connected || _state == ConnectionState.Connecting)
            {
                _socket.Close();
                HandleLoss(nowMs, reason);
            }

            if (_state == ConnectionState.WaitingToConnect)
            {
                _nextAttemptMs = nowMs;
            }
        }

        public bool IsConnected
        {
            get { return _state == ConnectionState.Connected; }
        }

        public string Url
        {
            get
            {
                string baseUrl = _baseUrl;
                if (baseUrl.Length > 0 && baseUrl[baseUrl.Length - 1] == '/')
                {
                    baseUrl = baseUrl.Substring(0, baseUrl.Length - 1);
                }

                return baseUrl + "/" + _config.StationId;
            }
        }

        public void SetListener(IConnectionListener listener)
        {
            _listener = listener;
        }

        /// <summary>
        /// Offline per OCPPCommCtrlr.OfflineThreshold: disconnected for at least that long. A
        /// short blip does not make the station offline (and so does not, for instance, trigger
        /// offline authorization).
        /// </summary>
        public bool IsOffline(long nowMs)
        {
            return _state != ConnectionState.Connected && nowMs - _disconnectedSinceMs >= _vars.OfflineThreshold.IntValue * MsPerSecond;
        }

        /// <summary>Drops the connection now (Reset, security change); the next attempt follows the back-off.</summary>
        public void Disconnect(long nowMs, string reason)
        {
            if (_state == ConnectionState.Connected || _state == ConnectionState.Connecting)
            {
                _socket.Close();
                HandleLoss(nowMs, reason);
            }
        }

        public void Tick(long nowMs)
        {
            if (System.Threading.Interlocked.Exchange(ref _closedFlag, 0) == 1)
            {
                if (_state == ConnectionState.Connected || _state == ConnectionState.Connecting)
                {
                    HandleLoss(nowMs, _closedReason);
                }
            }

            switch (_state)
            {
                case ConnectionState.WaitingToConnect:
                    // A socket still closing (an immediate Reconnect, or a close event that came before the
                    // socket's own state changed) is waited for: opening it then would throw.
                    if (nowMs >= _nextAttemptMs && _socket.State == WebSocketState.Closed)
                    {
                        Open(nowMs);
                    }

                    break;

                case ConnectionState.Connecting:
                    if (_socket.State == WebSocketState.Open)
                    {
                        OnOpened(nowMs);
                    }
                    else if (_socket.State == WebSocketState.Closed)
                    {
                        // The adapter's Closed event (with the reason and code) follows its state
                        // change on the transport thread: give it a moment before judging without it.
                        if (_closedSeenMs == 0)
                        {
                            _closedSeenMs = nowMs == 0 ? 1 : nowMs;
                        }
                        else if (nowMs - _closedSeenMs >= ClosedEventGraceMs)
                        {
                            HandleLoss(nowMs, _closedReason != null ? _closedReason : "connect failed");
                        }
                    }
                    else if (nowMs - _connectStartedMs >= ConnectTimeoutMs)
                    {
                        _socket.Close();
                        HandleLoss(nowMs, "connect timed out after " + ConnectTimeoutMs + " ms");
                    }

                    break;

                case ConnectionState.Connected:
                    if (_socket.State != WebSocketState.Open)
                    {
                        HandleLoss(nowMs, _closedReason != null ? _closedReason : "socket closed");
                        break;
                    }

                    long pingMs = _vars.WebSocketPingInterval.IntValue * MsPerSecond;
                    if (pingMs > 0 && nowMs - _lastPingMs >= pingMs)
                    {
                        _lastPingMs = nowMs;
                        _socket.SendPing();
                    }

                    break;
            }
        }

        private void Open(long nowMs)
        {
            string url = Url;
            bool secure = url.Length > 6 && url.Substring(0, 6) == "wss://";
            int profile = SecurityProfileInUse;
            if ((profile >= 2 && !secure) || (profile == 1 && secure) || profile < 1 || profile > 3)
            {
                // A00: profile 1 is ws:// with Basic auth, 2 is wss:// with Basic auth, 3 is wss:// with a client certificate.
                _state = ConnectionState.Misconfigured;
                _log.Write(LogLevel.Error, Component, "security profile " + profile + " does not allow " + url + "; not connecting");
                return;
            }

            if (secure)
            {
                TlsSettings tls = _tlsSource.Current();
                if (profile == 3 && (tls == null || !tls.HasClientCertificate))
                {
                    _state = ConnectionState.Misconfigured;
                    _log.Write(LogLevel.Error, Component, "security profile 3 needs a client certificate and key; none is installed; not connecting");
                    return;
                }

                // Profile 2 never presents a client certificate even when one is installed.
                _socket.Tls = profile == 3 ? tls : new TlsSettings(tls == null ? null : tls.TrustedRootsPem, null, null);
            }

            string[] names = null;
            string[] values = null;
            string password = _passwordOverride != null ? _passwordOverride : _vars.BasicAuthPassword.Value;
            _passwordInUse = password;
            if (profile != 3 && password != null && password.Length > 0)
            {
                names = new string[] { "Authorization" };
                values = new string[] { "Basic " + BasicCredentials(_config.StationId, password) };
            }

            _attempts++;
            _closedReason = null;
            _closedCode = 0;
            _closedSeenMs = 0;
            System.Threading.Interlocked.Exchange(ref _closedFlag, 0);
            _state = ConnectionState.Connecting;
            _connectStartedMs = nowMs;
            _log.Write(LogLevel.Info, Component, "connecting to " + url + " (attempt " + _attempts + ")");
            _socket.Open(url, Subprotocol, names, values);
            if (_socket.State == WebSocketState.Open)
            {
                OnOpened(nowMs);
            }
        }

        private void OnOpened(long nowMs)
        {
            string accepted = _socket.AcceptedSubprotocol;
            if (accepted != null && accepted != Subprotocol)
            {
                _socket.Close();
                HandleLoss(nowMs, "CSMS chose subprotocol \"" + accepted + "\" instead of " + Subprotocol);
                return;
            }

            _state = ConnectionState.Connected;
            _failedAttempts = 0;
            _waitsSinceConnected = 0;
            _lastPingMs = nowMs;
            _log.Write(LogLevel.Info, Component, "connected to " + Url);
            if (_listener != null)
            {
                _listener.OnConnected(nowMs);
            }
        }

        private void HandleLoss(long nowMs, string reason)
        {
            bool wasConnected = _state == ConnectionState.Connected;
            if (!wasConnected && _closedCode == WebSocketCloseCodes.TlsHandshakeFailure)
            {
                // A00: a CSMS whose certificate fails the checks is never talked to; the security
                // log records it as InvalidCsmsCertificate.
                _tlsFailures++;
                _lastTlsFailure = reason;
                _closedCode = 0;
                _log.Write(LogLevel.Error, Component, "refused the CSMS in the TLS handshake: " + reason);
            }

            if (wasConnected)
            {
                _disconnectedSinceMs = nowMs;
            }
            else
            {
                _failedAttempts++;
                if (reason != null && reason.IndexOf("HTTP 401") >= 0)
                {
                    _authFailures++;
                }
            }

            _state = ConnectionState.WaitingToConnect;
            if (wasConnected)
            {
                _waitsSinceConnected = 0;
            }

            _lastBackOffMs = BackOffMs(_waitsSinceConnected);
            _waitsSinceConnected++;
            _nextAttemptMs = nowMs + _lastBackOffMs;
            _log.Write(LogLevel.Warning, Component, (wasConnected ? "connection lost: " : "connection failed: ") + reason
                + "; next attempt in " + _lastBackOffMs + " ms");
            if (wasConnected && _listener != null)
            {
                _listener.OnDisconnected(nowMs, reason);
            }
        }

        /// <summary>
        /// OCPPCommCtrlr back-off before the reconnection attempt that follows <paramref name="waitsBefore"/>
        /// earlier waits since the connection was lost (or since boot): the first wait is
        /// RetryBackOffWaitMinimum, each later one doubles the previous, for at most
        /// RetryBackOffRepeatTimes doublings, plus a random 0..RetryBackOffRandomRange seconds so
        /// that a fleet does not reconnect in lockstep (issue 17 item 9: it used to wait 2, 2, 4, 8 s).
        /// </summary>
        public long BackOffMs(int waitsBefore)
        {
            long waitS = _vars.RetryBackOffWaitMinimum.IntValue;
            int doublings = waitsBefore;
            if (doublings > _vars.RetryBackOffRepeatTimes.IntValue)
            {
                doublings = (int)_vars.RetryBackOffRepeatTimes.IntValue;
            }

            for (int i = 0; i < doublings; i++)
            {
                waitS *= 2;
            }

            long jitterMs = 0;
            long rangeMs = _vars.RetryBackOffRandomRange.IntValue * MsPerSecond;
            if (rangeMs > 0)
            {
                jitterMs = _random.Next((int)rangeMs + 1);
            }

            return waitS * MsPerSecond + jitterMs;
        }

        private void OnSocketClosed(int closeCode, string reason)
        {
            // Transport thread: remember, act in the tick.
            _closedCode = closeCode;
            _closedReason = reason + " (code " + closeCode + ")";
            System.Threading.Interlocked.Exchange(ref _closedFlag, 1);
        }

        private static string BasicCredentials(string user, string password)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(user + ":" + password);
            return System.Convert.ToBase64String(bytes);
        }
    }
}
