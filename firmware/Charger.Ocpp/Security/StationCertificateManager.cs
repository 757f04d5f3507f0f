using System.Text;
using Charger.Crypto;
using Charger.Hal;
using Charger.Ocpp.CertificateManagement;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Security
{
    /// <summary>
    /// The station's own TLS client certificate (security profile 3) through its life cycle
    /// (OCPP 2.0.1 A02, A03):
    /// - a key pair made on the station (A02.FR.02) from the HAL random source, and a PKCS #10
    ///   request (CN = station identity, O = SecurityCtrlr.OrganizationName) sent in
    ///   SignCertificateRequest (A02.FR.03), on TriggerMessage SignChargingStationCertificate or
    ///   when the certificate in use comes within CertificateRenewalLeadDays of its end (A03);
    /// - sent again after CertSigningWaitMinimum, the wait doubling, CertSigningRepeatTimes times
    ///   when no CertificateSigned comes (A02.FR.17, .18);
    /// - CertificateSigned checked (A02.FR.06): at most MaxCertificateChainSize bytes, PEM, the
    ///   leaf holds the key of our request, not expired, chaining to an installed or provisioned
    ///   CSMS root; otherwise Rejected and InvalidChargingStationCertificate (A02.FR.07);
    /// - the accepted certificate and its key stored power-cut safe and offered from the next
    ///   connection (it is an <see cref="ITlsSource"/>), the old one kept until the new one has
    ///   connected; a new one that fails to connect is alternated with the old one and dropped
    ///   after <see cref="MaxFailedAttemptsWithNew"/> failures.
    /// Everything runs inside the OCPP tick except the key pair and the request's signature (two
    /// scalar multiplications, <see cref="CertificateRequestJob"/>), which a board runs on a
    /// background thread (<see cref="GenerateInBackground"/>).
    /// </summary>
    public sealed class StationCertificateManager : ITlsSource, IIncomingCallHandler, ICallResultHandler
    {
        public const string SignAction = "SignCertificate";

        public const string SignedAction = "CertificateSigned";

        /// <summary>The key of the request in flight (so a CertificateSigned after a reboot still matches).</summary>
        public const string RequestKeyRecord = "stcert-request-key";

        /// <summary>An accepted certificate (key + chain) that has not connected yet.</summary>
        public const string PendingRecord = "stcert-pending";

        /// <summary>The certificate (key + chain) that last connected.</summary>
        public const string ActiveRecord = "stcert-active";

        public const string InvalidCertificateEvent = "InvalidChargingStationCertificate";

        /// <summary>Connection attempts a new certificate may fail before it is given up (ours; the spec is silent).</summary>
        public const int MaxFailedAttemptsWithNew = 3;

        /// <summary>Random candidates drawn for a private scalar before giving up: a P-256 candidate is refused with probability below 2^-32.</summary>
        public const int MaxKeyCandidates = 16;

        private const string Component = "ocpp.stationcert";
        private const long MsPerDay = 86400000L;
        private const int MaxReasonCode = 20;
        private const int MaxAdditionalInfo = 512;

        private readonly StationConfig _config;
        private readonly CertificateSigningVariables _vars;
        private readonly RpcEndpoint _rpc;
        private readonly ConnectionManager _connection;
        private readonly StationClock _clock;
        private readonly IFileStore _store;
        private readonly IRandomSource _random;
        private readonly ILog _log;
        private ITlsSource _inner;

        private CertificateRequestJob _job;
        private EcPrivateKey _requestKey;
        private string _requestPem;
        private bool _generateRequested;
        private bool _awaitingSigned;
        private long _nextSendMs;
        private long _waitMs;
        private int _resends;
        private long _nextRenewalCheckMs;

        private StationCredential _pending;
        private StationCredential _active;
        private string _configLeafPem;
        private X509Certificate _configLeaf;

        private int _offeredAttempt;
        private int _failedWithNew;
        private bool _useOldOnce;
        private long _lastNowMs;

        private int _requestsSent;
        private int _rejectedChains;
        private string _lastRejection;

        public StationCertificateManager(StationConfig config, CertificateSigningVariables vars, RpcEndpoint rpc, ConnectionManager connection,
            StationClock clock, IFileStore store, IRandomSource random, ILog log, ITlsSource inner)
        {
            _config = config;
            _vars = vars;
            _rpc = rpc;
            _connection = connection;
            _clock = clock;
            _store = store;
            _random = random;
            _log = log;
            Inner = inner;
        }

        /// <summary>Where the trusted CSMS roots (and a provisioned client certificate) come from; this source only replaces the client certificate.</summary>
        public ITlsSource Inner
        {
            get { return _inner; }
            set { _inner = value == null ? new ConfigTlsSource(_config) : value; }
        }

        /// <summary>
        /// True on a board: the key pair and request are made on a lowest-priority thread, so the
        /// tick loop (safety first) is never held for the seconds they take there. False (inline,
        /// deterministic) in the simulator and tests.
        /// </summary>
        public bool GenerateInBackground { get; set; }

        /// <summary>Security-event sink for InvalidChargingStationCertificate; null: logged only.</summary>
        public ICertificateSecurityEvents Events { get; set; }

        /// <summary>True while a SignCertificateRequest waits for its CertificateSigned.</summary>
        public bool AwaitingCertificate
        {
            get { return _awaitingSigned || _generateRequested || _job != null; }
        }

        /// <summary>SignCertificateRequests sent (first sends and resends) since start.</summary>
        public int RequestsSent
        {
            get { return _requestsSent; }
        }

        /// <summary>The PEM request last sent, or null.</summary>
        public string LastRequestPem
        {
            get { return _requestPem; }
        }

        /// <summary>CertificateSigned requests refused as invalid since start, and why the last one was.</summary>
        public int RejectedChains
        {
            get { return _rejectedChains; }
        }

        public string LastRejection
        {
            get { return _lastRejection; }
        }

        /// <summary>The accepted certificate not yet proven by a connection, or null.</summary>
        public X509Certificate PendingCertificate
        {
            get { return _pending == null ? null : _pending.Leaf; }
        }

        /// <summary>The certificate that last connected (from this life cycle), or null.</summary>
        public X509Certificate ActiveCertificate
        {
            get { return _active == null ? null : _active.Leaf; }
        }

        public static SchemaNode CertificateSignedRequest()
        {
            return SchemaNode.Object()
                .Required("certificateChain", SchemaNode.String(10000))
                .Optional("certificateType", SchemaNode.Enum(new string[] { "ChargingStationCertificate", "V2GCertificate" }));
        }

        public static SchemaNode SignCertificateResponse()
        {
            return CommonSchemas.StatusResponse(new string[] { "Accepted", "Rejected" });
        }

        /// <summary>Reads the stored certificates and the key of a request in flight; unreadable records are logged and removed.</summary>
        public void Load()
        {
            _active = ReadCredential(ActiveRecord);
            _pending = ReadCredential(PendingRecord);
            if (_pending != null && _active != null && _pending.Text == _active.Text)
            {
                // Power cut between promoting the new certificate and removing its pending record.
                _store.Delete(PendingRecord);
                _pending = null;
            }

            byte[] key = _store.Read(RequestKeyRecord);
            if (key != null)
            {
                try
                {
                    _requestKey = EcPrivateKey.FromPem(Encoding.UTF8.GetString(key, 0, key.Length), false);
                }
                catch (CryptoFormatException e)
                {
                    _log.Write(LogLevel.Error, Component, "stored request key unreadable, removed: " + e.Message);
                    _store.Delete(RequestKeyRecord);
                }
            }
        }

        /// <summary>TriggerMessage SignChargingStationCertificate (A02.FR.01/.02): a new key pair and request, made in the next tick.</summary>
        public bool TriggerSigning()
        {
            _generateRequested = true;
            return true;
        }

        public void Tick(long nowMs)
        {
            _lastNowMs = nowMs;
            JudgeLastOffer();
            if (_job != null)
            {
                if (_job.Done)
                {
                    FinishSigning(nowMs);
                }
            }
            else if (_generateRequested)
            {
                _generateRequested = false;
                StartSigning(nowMs, "requested by the CSMS");
            }
            else if (_awaitingSigned && nowMs >= _nextSendMs)
            {
                Resend(nowMs);
            }
            else if (!_awaitingSigned && nowMs >= _nextRenewalCheckMs)
            {
                CheckRenewal(nowMs);
            }
        }

        // ---- TLS source: which client certificate the next connection presents ----

        public TlsSettings Current()
        {
            JudgeLastOffer();
            TlsSettings base_ = _inner.Current();
            string roots = base_ == null ? null : base_.TrustedRootsPem;
            bool haveOld = _active != null || (base_ != null && base_.HasClientCertificate);
            if (_pending != null && NotBeforeReached(_pending.Leaf) && !(_useOldOnce && haveOld))
            {
                _offeredAttempt = _connection.Attempts + 1;
                return new TlsSettings(roots, _pending.ChainPem, _pending.KeyPem);
            }

            _useOldOnce = false;
            _offeredAttempt = 0;
            if (_active != null)
            {
                return new TlsSettings(roots, _active.ChainPem, _active.KeyPem);
            }

            return base_;
        }

        // A02: keep using the old certificate until the new one has connected; a new one the CSMS
        // refuses must not lock the station out.
        private void JudgeLastOffer()
        {
            if (_offeredAttempt == 0 || _connection.Attempts < _offeredAttempt)
            {
                return;
            }

            if (_connection.Attempts == _offeredAttempt && _connection.State == ConnectionState.Connecting)
            {
                return;
            }

            if (_connection.Attempts == _offeredAttempt && _connection.State == ConnectionState.Connected)
            {
                Promote();
                _offeredAttempt = 0;
                return;
            }

            _offeredAttempt = 0;
            _failedWithNew++;
            if (_failedWithNew >= MaxFailedAttemptsWithNew)
            {
                string subject = _pending.Leaf.Subject.ToString();
                _store.Delete(PendingRecord);
                _pending = null;
                _failedWithNew = 0;
                _log.Write(LogLevel.Error, Component, "new station certificate '" + subject + "' failed " + MaxFailedAttemptsWithNew.ToString()
                    + " connection attempts; dropped, the previous one stays in use");
                RaiseInvalid("new certificate never connected: " + subject);
                return;
            }

            _useOldOnce = true;
            _log.Write(LogLevel.Warning, Component, "connection with the new station certificate failed ("
                + _failedWithNew.ToString() + " of " + MaxFailedAttemptsWithNew.ToString() + "); the next attempt uses the previous one");
        }

        private void Promote()
        {
            byte[] bytes = Encoding.UTF8.GetBytes(_pending.Text);
            _store.WriteAtomic(ActiveRecord, bytes, bytes.Length);
            _store.Delete(PendingRecord);
            _active = _pending;
            _pending = null;
            _failedWithNew = 0;
            _useOldOnce = false;
            _log.Write(LogLevel.Info, Component, "connected with the new station certificate '" + _active.Leaf.Subject.ToString()
                + "' (serial " + _active.Leaf.SerialNumberHex + "); it replaces the previous one");
        }

        private bool NotBeforeReached(X509Certificate leaf)
        {
            // A02: the new certificate is used once it is valid; without a set clock this cannot be known, so it is tried.
            return !_clock.IsSynchronized || NowUnixMs() >= leaf.NotBeforeMs;
        }

        // ---- SignCertificateRequest ----

        private void StartSigning(long nowMs, string why)
        {
            // The random source is drawn here, in the tick (it is not thread-safe); candidates out
            // of [1, n-1] are drawn again (A02.FR.02: a new key pair for every request).
            byte[] candidate = new byte[EcCurve.P256.FieldBytes];
            bool found = false;
            for (int i = 0; i < MaxKeyCandidates && !found; i++)
            {
                _random.NextBytes(candidate);
                found = EcPrivateKey.IsValidScalar(EcCurve.P256, candidate);
            }

            if (!found)
            {
                _log.Write(LogLevel.Error, Component, "random source gave no usable P-256 scalar in " + MaxKeyCandidates.ToString() + " draws; no key pair made");
                return;
            }

            string organization = _vars.OrganizationName == null ? null : _vars.OrganizationName.Value;
            _awaitingSigned = false;
            _job = new CertificateRequestJob(candidate, _config.StationId, organization, why);
            if (GenerateInBackground)
            {
                System.Threading.Thread worker = new System.Threading.Thread(_job.Run);
                worker.Priority = System.Threading.ThreadPriority.Lowest;
                worker.Start();
            }
            else
            {
                _job.Run();
                FinishSigning(nowMs);
            }
        }

        private void FinishSigning(long nowMs)
        {
            CertificateRequestJob job = _job;
            _job = null;
            if (job.Error != null)
            {
                _log.Write(LogLevel.Error, Component, "certificate signing request not built: " + job.Error);
                return;
            }

            byte[] keyBytes = Encoding.UTF8.GetBytes(job.Key.ToPem());
            _store.WriteAtomic(RequestKeyRecord, keyBytes, keyBytes.Length);
            _requestKey = job.Key;
            _requestPem = job.RequestPem;
            _resends = 0;
            _waitMs = _vars.CertSigningWaitMinimum.IntValue * 1000L;
            _awaitingSigned = true;
            _log.Write(LogLevel.Info, Component, "new P-256 key pair and certificate signing request (" + job.Why + ")");
            Send(nowMs);
        }

        private void Send(long nowMs)
        {
            JsonWriter w = new JsonWriter();
            w.BeginObject();
            w.Property("csr", _requestPem);
            w.Property("certificateType", "ChargingStationCertificate");
            w.EndObject();
            _nextSendMs = nowMs + _waitMs;
            if (_rpc.CallLazySchema(SignAction, w.ToString(), SignCertificateResponse, this, null, SendPermission.RequiresAccepted))
            {
                _requestsSent++;
            }
        }

        private void Resend(long nowMs)
        {
            if (_resends >= _vars.CertSigningRepeatTimes.IntValue)
            {
                _awaitingSigned = false;
                _nextRenewalCheckMs = nowMs + MsPerDay;
                _log.Write(LogLevel.Error, Component, "no CertificateSigned after " + (_resends + 1).ToString()
                    + " SignCertificateRequests; waiting for a TriggerMessage (renewal checked again in a day)");
                return;
            }

            _resends++;
            _waitMs *= 2;
            _log.Write(LogLevel.Warning, Component, "no CertificateSigned yet; SignCertificateRequest again (" + _resends.ToString() + " of "
                + _vars.CertSigningRepeatTimes.IntValue.ToString() + ")");
            Send(nowMs);
        }

        public void OnCallResult(OutgoingCall call, JsonValue payload)
        {
            string status = payload.GetString("status");
            if (status != "Accepted")
            {
                // The CSMS will not sign: nothing to wait for.
                _awaitingSigned = false;
                _nextRenewalCheckMs = _lastNowMs + MsPerDay;
                _log.Write(LogLevel.Warning, Component, "CSMS rejected the SignCertificateRequest");
            }
        }

        public void OnCallFailed(OutgoingCall call, string errorCode, string description)
        {
            // The wait already runs; the request goes again when it ends.
            _log.Write(LogLevel.Warning, Component, "SignCertificateRequest failed: " + errorCode);
        }

        private void CheckRenewal(long nowMs)
        {
            // Checked once a minute; needs the wall clock.
            _nextRenewalCheckMs = nowMs + 60000;
            if (_pending != null || !_clock.IsSynchronized)
            {
                return;
            }

            X509Certificate current = CurrentLeaf();
            if (current == null)
            {
                return;
            }

            long leadMs = _vars.CertificateRenewalLeadDays.IntValue * MsPerDay;
            if (current.NotAfterMs - NowUnixMs() <= leadMs)
            {
                StartSigning(nowMs, "certificate ends within " + _vars.CertificateRenewalLeadDays.IntValue.ToString() + " days");
            }
        }

        private X509Certificate CurrentLeaf()
        {
            if (_active != null)
            {
                return _active.Leaf;
            }

            TlsSettings base_ = _inner.Current();
            string pem = base_ == null || !base_.HasClientCertificate ? null : base_.ClientCertificatePem;
            if (pem == null)
            {
                return null;
            }

            if (!object.ReferenceEquals(pem, _configLeafPem))
            {
                _configLeafPem = pem;
                _configLeaf = null;
                try
                {
                    _configLeaf = X509Certificate.TryParse(Pem.DecodeCertificate(pem), out string _);
                }
                catch (CryptoFormatException)
                {
                    _configLeaf = null;
                }
            }

            return _configLeaf;
        }

        // ---- CertificateSigned ----

        public void Handle(IncomingCall call)
        {
            string type = call.Payload.GetString("certificateType");
            string chain = call.Payload.GetString("certificateChain");
            string reason = null;
            string detail = null;
            bool invalid = false;
            StationCredential accepted = null;
            if (type != null && type != "ChargingStationCertificate")
            {
                reason = "NotSupported";
                detail = "this station has no ISO 15118 (V2G) certificate";
            }
            else if (Encoding.UTF8.GetBytes(chain).Length > _vars.MaxCertificateChainSize.IntValue)
            {
                reason = "ChainTooLarge";
                detail = "certificateChain is larger than SecurityCtrlr.MaxCertificateChainSize ("
                    + _vars.MaxCertificateChainSize.IntValue.ToString() + " bytes)";
            }
            else
            {
                invalid = true;
                accepted = Check(chain, out reason, out detail);
            }

            if (accepted != null)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(accepted.Text);
                try
                {
                    _store.WriteAtomic(PendingRecord, bytes, bytes.Length);
                    _store.Delete(RequestKeyRecord);
                }
                catch (StorageFullException)
                {
                    accepted = null;
                    invalid = false;
                    reason = "StorageFull";
                    detail = "no room to store the certificate";
                }
            }

            JsonWriter w = call.Response;
            w.BeginObject();
            if (accepted != null)
            {
                _pending = accepted;
                _failedWithNew = 0;
                _useOldOnce = false;
                _requestKey = null;
                _awaitingSigned = false;
                _log.Write(LogLevel.Info, Component, "CertificateSigned accepted: '" + accepted.Leaf.Subject.ToString() + "' (serial "
                    + accepted.Leaf.SerialNumberHex + "); used from the next connection");
                w.Property("status", "Accepted");
            }
            else
            {
                _rejectedChains++;
                _lastRejection = reason + ": " + detail;
                _log.Write(LogLevel.Warning, Component, "CertificateSigned rejected: " + _lastRejection);
                if (invalid)
                {
                    RaiseInvalid(detail);
                }

                w.Property("status", "Rejected");
                w.Name("statusInfo");
                w.BeginObject();
                w.Property("reasonCode", JsonWriter.Truncate(reason, MaxReasonCode));
                w.Property("additionalInfo", JsonWriter.Truncate(detail, MaxAdditionalInfo));
                w.EndObject();
            }

            w.EndObject();
        }

        private StationCredential Check(string chainPem, out string reason, out string detail)
        {
            reason = "InvalidCertificate";
            if (_requestKey == null)
            {
                detail = "no certificate signing request of this station is waiting for a certificate";
                return null;
            }

            byte[][] ders;
            try
            {
                ders = Pem.DecodeAll(chainPem, Pem.CertificateLabel);
            }
            catch (CryptoFormatException e)
            {
                detail = "certificateChain is not PEM: " + e.Message;
                return null;
            }

            if (ders.Length == 0)
            {
                detail = "certificateChain holds no PEM certificate";
                return null;
            }

            if (ders.Length > CertificateChain.MaxDepth)
            {
                detail = "certificateChain holds " + ders.Length.ToString() + " certificates, at most " + CertificateChain.MaxDepth.ToString() + " are accepted";
                return null;
            }

            X509Certificate leaf = X509Certificate.TryParse(ders[0], out string why);
            if (leaf == null)
            {
                detail = "leaf certificate unreadable: " + why;
                return null;
            }

            if (!_requestKey.Matches(leaf.PublicKey))
            {
                reason = "KeyMismatch";
                detail = "the leaf certificate is not for the key of this station's signing request";
                return null;
            }

            byte[][] intermediates = new byte[ders.Length - 1][];
            for (int i = 1; i < ders.Length; i++)
            {
                intermediates[i - 1] = ders[i];
            }

            // Not yet valid is allowed (it is used from its start, A02); expired is not. Without a
            // set clock the chain is checked at the leaf's own start.
            long at = leaf.NotBeforeMs;
            if (_clock.IsSynchronized)
            {
                long now = NowUnixMs();
                if (now > leaf.NotAfterMs)
                {
                    reason = "Expired";
                    detail = "the leaf certificate has expired";
                    return null;
                }

                if (now > at)
                {
                    at = now;
                }
            }

            ChainStatus status = CertificateChain.VerifyStatus(ders[0], intermediates, TrustedCsmsRoots(), at, out string chainReason);
            if (status != ChainStatus.Valid)
            {
                reason = "InvalidChain";
                detail = ChainStatusText.Of(status) + ": " + chainReason;
                return null;
            }

            detail = null;
            reason = null;
            return new StationCredential(_requestKey.ToPem(), chainPem, leaf);
        }

        // The CSO's PKI issues both the CSMS server certificate and the station certificate
        // (OCPP 2.0.1 part 2, certificate hierarchy): a station certificate must chain to a CSMS
        // root the connection trusts. The inner source already holds the provisioned roots and the
        // installed CSMSRootCertificates (InstalledRootsTlsSource), each once.
        private byte[][] TrustedCsmsRoots()
        {
            TlsSettings base_ = _inner.Current();
            if (base_ == null || !base_.HasTrustedRoot)
            {
                return new byte[0][];
            }

            try
            {
                return Pem.DecodeAll(base_.TrustedRootsPem, Pem.CertificateLabel);
            }
            catch (CryptoFormatException)
            {
                return new byte[0][];
            }
        }

        private void RaiseInvalid(string detail)
        {
            if (Events != null)
            {
                Events.Raise(InvalidCertificateEvent, JsonWriter.Truncate(detail, 255), _lastNowMs);
            }
        }

        private long NowUnixMs()
        {
            return Charger.Ocpp.Transactions.EpochTime.ToUtcMs(_clock.UtcAt(_lastNowMs));
        }

        private StationCredential ReadCredential(string record)
        {
            byte[] bytes = _store.Read(record);
            if (bytes == null)
            {
                return null;
            }

            string text = Encoding.UTF8.GetString(bytes, 0, bytes.Length);
            StationCredential c = StationCredential.Parse(text, out string why);
            if (c == null)
            {
                _log.Write(LogLevel.Error, Component, "stored station certificate '" + record + "' unreadable, removed: " + why);
                _store.Delete(record);
            }

            return c;
        }
    }
}
