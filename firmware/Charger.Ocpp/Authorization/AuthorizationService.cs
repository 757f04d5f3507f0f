using Charger.Hal;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;
using Charger.Ocpp.Transactions;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// Functional blocks C and D at run time: a token presented at the reader (or sent by a remote
    /// start) is decided from the local list and cache, or asked of the CSMS with an
    /// AuthorizeRequest whose answer is filed in the cache; offline, the AuthCtrlr rules apply.
    /// A token presented on an EVSE that is already authorized is a stop request, granted to the
    /// same token or one of the same group. Configuration comes from the device model
    /// (AuthCtrlr, AuthCacheCtrlr, LocalAuthListCtrlr) and follows SetVariables.
    /// </summary>
    public sealed class AuthorizationService : ICallResultHandler, ITokenAnswerListener
    {
        public const string AuthorizeAction = "Authorize";

        private const string Component = "ocpp.auth";

        private readonly RpcEndpoint _rpc;
        private readonly ConnectionManager _connection;
        private readonly StationClock _clock;
        private readonly StationDeviceModel _model;
        private readonly ILog _log;
        private readonly IEvseControl _control;
        private readonly TransactionService _transactions;
        private readonly AuthorizationConfig _authConfig = new AuthorizationConfig();
        private readonly AuthCacheConfig _cacheConfig = new AuthCacheConfig();
        private readonly LocalAuthListConfig _listConfig = new LocalAuthListConfig();
        private readonly AuthorizationCache _cache;
        private readonly LocalAuthorizationList _localList;
        private readonly TransactionMessageBuilder _builder = new TransactionMessageBuilder();

        private readonly Variable _authEnabled;
        private readonly Variable _authorizeRemoteStart;
        private readonly Variable _localAuthorizeOffline;
        private readonly Variable _localPreAuthorize;
        private readonly Variable _offlineTxForUnknownId;
        private readonly Variable _disableRemoteAuthorization;
        private readonly Variable _cacheEnabled;
        private readonly Variable _cacheLifeTime;
        private readonly Variable _cacheStorage;
        private readonly Variable _cachePolicy;
        private readonly Variable _cacheDisablePostAuthorize;
        private readonly Variable _listEnabled;
        private readonly Variable _listEntries;
        private readonly Variable _listItemsPerMessage;
        private readonly Variable _listBytesPerMessage;
        private readonly Variable _listStorage;

        // One AuthorizeRequest per EVSE at a time; index evseId - 1.
        private readonly PendingAuthorization[] _pending;
        private long _lastTickMs;

        public AuthorizationService(RpcEndpoint rpc, ConnectionManager connection, StationClock clock, CoreVariables vars, IFileStore store,
            ILog log, IEvseControl control, TransactionService transactions)
        {
            _rpc = rpc;
            _connection = connection;
            _clock = clock;
            _model = vars.Model;
            _log = log;
            _control = control;
            _transactions = transactions;
            _pending = new PendingAuthorization[transactions.EvseCount];

            _authEnabled = Require(CoreVariables.AuthCtrlr, "Enabled");
            _authorizeRemoteStart = Require(CoreVariables.AuthCtrlr, "AuthorizeRemoteStart");
            _localAuthorizeOffline = Require(CoreVariables.AuthCtrlr, "LocalAuthorizeOffline");
            _localPreAuthorize = Require(CoreVariables.AuthCtrlr, "LocalPreAuthorize");
            _offlineTxForUnknownId = Require(CoreVariables.AuthCtrlr, "OfflineTxForUnknownIdEnabled");
            _disableRemoteAuthorization = Require(CoreVariables.AuthCtrlr, "DisableRemoteAuthorization");
            _cacheEnabled = Require(CoreVariables.AuthCacheCtrlr, "Enabled");
            _cacheLifeTime = Require(CoreVariables.AuthCacheCtrlr, "LifeTime");
            _cacheStorage = Require(CoreVariables.AuthCacheCtrlr, "Storage");
            _cachePolicy = Require(CoreVariables.AuthCacheCtrlr, "Policy");
            _cacheDisablePostAuthorize = Require(CoreVariables.AuthCacheCtrlr, "DisablePostAuthorize");
            _listEnabled = Require(CoreVariables.LocalAuthListCtrlr, "Enabled");
            _listEntries = Require(CoreVariables.LocalAuthListCtrlr, "Entries");
            _listItemsPerMessage = Require(CoreVariables.LocalAuthListCtrlr, "ItemsPerMessage");
            _listBytesPerMessage = Require(CoreVariables.LocalAuthListCtrlr, "BytesPerMessage");
            _listStorage = Require(CoreVariables.LocalAuthListCtrlr, "Storage");
            ApplyVariables();

            _cache = new AuthorizationCache(store, log, _cacheConfig);
            _localList = new LocalAuthorizationList(store, log, _listConfig);
            _model.Changed += OnVariableChanged;
            transactions.SetTokenAnswerListener(this);
        }

        public AuthorizationCache Cache
        {
            get { return _cache; }
        }

        public LocalAuthorizationList LocalList
        {
            get { return _localList; }
        }

        public AuthorizationConfig Config
        {
            get { return _authConfig; }
        }

        /// <summary>Reads cache and local list from the file store; call once at boot.</summary>
        public void Load()
        {
            _cache.Load();
            _localList.Load();
            _model.SetInternal(_listEntries, AttributeType.Actual, _localList.Count.ToString());
        }

        /// <summary>
        /// The single entry point for a card (or any token) at the reader of an EVSE: authorizes a
        /// new session, or stops the running one when the EVSE is already authorized. Returns what
        /// happened now; a <see cref="PresentResult.Pending"/> ends later in
        /// <see cref="IEvseControl.Authorize"/> or <see cref="IEvseControl.TokenRejected"/>.
        /// </summary>
        public PresentResult PresentIdToken(int evseId, string idToken, IdTokenType type, long nowMs)
        {
            CheckEvse(evseId);
            IdToken token = new IdToken(idToken, type);
            if (_pending[evseId - 1] != null)
            {
                return PresentResult.Busy;
            }

            if (_transactions.IsAuthorized(evseId))
            {
                return PresentForStop(evseId, token, nowMs);
            }

            AuthorizationDecision decision = AuthorizationDecider.Decide(token, IsOnline, _authConfig, _localList, _cache, UtcMs(nowMs));
            _log.Write(LogLevel.Info, Component, "EVSE " + evseId + " token " + token.ToString() + ": " + OutcomeName(decision.Outcome) + " (" + decision.Rule + ")");
            if (decision.Outcome == AuthorizationOutcome.AcceptLocally)
            {
                _transactions.Authorized(evseId, token, decision.GroupIdToken, decision.AcceptedOffline, -1, nowMs);
                return PresentResult.Accepted;
            }

            if (decision.Outcome == AuthorizationOutcome.AskCsms && SendAuthorize(evseId, token, false, -1))
            {
                return PresentResult.Pending;
            }

            _control.TokenRejected(evseId, StatusName(decision.Status));
            return PresentResult.Rejected;
        }

        /// <summary>
        /// RequestStartTransaction (F01/F02) for an EVSE the handler chose: with
        /// AuthorizeRemoteStart the token is authorized like a presented one (the CSMS is asked when
        /// needed), without it the EVSE is authorized at once. Returns false when refused now.
        /// </summary>
        public bool RemoteStart(int evseId, IdToken token, IdToken group, int remoteStartId, long nowMs)
        {
            CheckEvse(evseId);
            if (_pending[evseId - 1] != null || _transactions.IsAuthorized(evseId))
            {
                return false;
            }

            if (!_authorizeRemoteStart.BoolValue)
            {
                _transactions.Authorized(evseId, token, group, false, remoteStartId, nowMs);
                return true;
            }

            AuthorizationDecision decision = AuthorizationDecider.Decide(token, IsOnline, _authConfig, _localList, _cache, UtcMs(nowMs));
            if (decision.Outcome == AuthorizationOutcome.AcceptLocally)
            {
                _transactions.Authorized(evseId, token, decision.GroupIdToken != null ? decision.GroupIdToken : group, decision.AcceptedOffline,
                    remoteStartId, nowMs);
                return true;
            }

            if (decision.Outcome == AuthorizationOutcome.AskCsms)
            {
                return SendAuthorize(evseId, token, false, remoteStartId);
            }

            return false;
        }

        /// <summary>Whether an AuthorizeRequest for the EVSE waits for its answer.</summary>
        public bool IsPending(int evseId)
        {
            return evseId >= 1 && evseId <= _pending.Length && _pending[evseId - 1] != null;
        }

        public void Tick(long nowMs)
        {
            _lastTickMs = nowMs;
        }

        /// <summary>ClearCache (C11).</summary>
        public ClearCacheStatus ClearCache()
        {
            return _cache.Clear();
        }

        /// <summary>SendLocalList (D01); LocalAuthListCtrlr.Entries follows the list.</summary>
        public SendLocalListResult SendLocalList(int versionNumber, LocalListUpdateType updateType, AuthorizationData[] items, int messageBytes)
        {
            SendLocalListResult result = _localList.Apply(versionNumber, updateType, items, messageBytes);
            _model.SetInternal(_listEntries, AttributeType.Actual, _localList.Count.ToString());
            return result;
        }

        public void OnTokenAnswer(IdToken token, IdTokenInfo info, long nowMs)
        {
            AuthorizationDecider.RecordCsmsAnswer(token, info, _localList, _cache, UtcMs(nowMs));
        }

        public void OnCallResult(OutgoingCall call, JsonValue payload)
        {
            PendingAuthorization pending = (PendingAuthorization)call.Context;
            _pending[pending.EvseId - 1] = null;
            IdTokenInfo info = IdTokenJson.ReadInfo(payload.Get("idTokenInfo"));
            long nowMs = _lastTickMs;
            // C10.FR.04: every AuthorizeResponse is filed in the cache.
            AuthorizationDecider.RecordCsmsAnswer(pending.Token, info, _localList, _cache, UtcMs(nowMs));
            _log.Write(LogLevel.Info, Component, "CSMS says " + StatusName(info.Status) + " for " + pending.Token.ToString()
                + (pending.ForStop ? " (stop request)" : ""));
            if (pending.ForStop)
            {
                if (info.Status == AuthorizationStatus.Accepted && _transactions.IsAuthorized(pending.EvseId)
                    && StopAuthorization.MayStop(_transactions.TokenOf(pending.EvseId), _transactions.GroupOf(pending.EvseId), pending.Token,
                        info.GroupIdToken, null))
                {
                    _transactions.Deauthorize(pending.EvseId, StopReason.Local, "StopAuthorized", pending.Token, nowMs);
                }
                else
                {
                    _control.TokenRejected(pending.EvseId, "NotAllowedToStop");
                }

                return;
            }

            if (info.Status == AuthorizationStatus.Accepted && !_transactions.IsAuthorized(pending.EvseId))
            {
                _transactions.Authorized(pending.EvseId, pending.Token, info.GroupIdToken, false, pending.RemoteStartId, nowMs);
            }
            else
            {
                _control.TokenRejected(pending.EvseId, StatusName(info.Status));
            }
        }

        public void OnCallFailed(OutgoingCall call, string errorCode, string description)
        {
            PendingAuthorization pending = (PendingAuthorization)call.Context;
            _pending[pending.EvseId - 1] = null;
            long nowMs = _lastTickMs;
            _log.Write(LogLevel.Warning, Component, "Authorize for " + pending.Token.ToString() + " got no answer (" + errorCode + " " + description
                + "): deciding as offline");
            if (pending.ForStop)
            {
                _control.TokenRejected(pending.EvseId, "NoAnswer");
                return;
            }

            // No answer is as good as offline: the offline rules decide (LocalAuthorizeOffline, C13).
            AuthorizationDecision decision = AuthorizationDecider.Decide(pending.Token, false, _authConfig, _localList, _cache, UtcMs(nowMs));
            if (decision.Outcome == AuthorizationOutcome.AcceptLocally && !_transactions.IsAuthorized(pending.EvseId))
            {
                _transactions.Authorized(pending.EvseId, pending.Token, decision.GroupIdToken, true, pending.RemoteStartId, nowMs);
            }
            else
            {
                _control.TokenRejected(pending.EvseId, StatusName(decision.Status));
            }
        }

        private PresentResult PresentForStop(int evseId, IdToken token, long nowMs)
        {
            IdToken startToken = _transactions.TokenOf(evseId);
            IdToken startGroup = _transactions.GroupOf(evseId);
            IdToken presentedGroup = KnownGroup(token, nowMs);
            // C09 / E07: the same token, or one of the same group, may stop.
            if (StopAuthorization.MayStop(startToken, startGroup, token, presentedGroup, null))
            {
                _transactions.Deauthorize(evseId, StopReason.Local, "StopAuthorized", token, nowMs);
                return PresentResult.Stopped;
            }

            // C09.FR.03: the group is unknown locally; online the CSMS tells it.
            if (presentedGroup == null && startGroup != null && IsOnline && !_authConfig.DisableRemoteAuthorization
                && SendAuthorize(evseId, token, true, -1))
            {
                return PresentResult.Pending;
            }

            _control.TokenRejected(evseId, "NotAllowedToStop");
            return PresentResult.StopRefused;
        }

        private IdToken KnownGroup(IdToken token, long nowMs)
        {
            IdTokenInfo listed = _localList.Lookup(token);
            if (listed != null && listed.GroupIdToken != null)
            {
                return listed.GroupIdToken;
            }

            AuthCacheEntry cached = _cache.Enabled ? _cache.Lookup(token, UtcMs(nowMs)) : null;
            return cached == null ? null : cached.Info.GroupIdToken;
        }

        private bool SendAuthorize(int evseId, IdToken token, bool forStop, int remoteStartId)
        {
            PendingAuthorization pending = new PendingAuthorization(evseId, token, forStop, remoteStartId);
            if (!_rpc.CallLazySchema(AuthorizeAction, _builder.Authorize(token), AuthorizationSchemas.AuthorizeResponse, this, pending, SendPermission.RequiresAccepted))
            {
                return false;
            }

            _pending[evseId - 1] = pending;
            return true;
        }

        /// <summary>The CSMS can answer now: connected and Accepted.</summary>
        private bool IsOnline
        {
            get { return _connection.IsConnected && _rpc.Registration == RegistrationState.Accepted; }
        }

        private long UtcMs(long nowMs)
        {
            return EpochTime.ToUtcMs(_clock.UtcAt(nowMs));
        }

        private void CheckEvse(int evseId)
        {
            if (evseId < 1 || evseId > _pending.Length)
            {
                throw new System.ArgumentOutOfRangeException("evseId", "no EVSE " + evseId + " (this station has " + _pending.Length + ")");
            }
        }

        private Variable Require(string component, string name)
        {
            Variable v = _model.Find(component, name);
            if (v == null)
            {
                throw new System.InvalidOperationException("device model lacks " + component + "." + name);
            }

            return v;
        }

        private void ApplyVariables()
        {
            _authConfig.AuthEnabled = _authEnabled.BoolValue;
            _authConfig.LocalAuthorizeOffline = _localAuthorizeOffline.BoolValue;
            _authConfig.LocalPreAuthorize = _localPreAuthorize.BoolValue;
            _authConfig.OfflineTxForUnknownIdEnabled = _offlineTxForUnknownId.BoolValue;
            _authConfig.DisableRemoteAuthorization = _disableRemoteAuthorization.BoolValue;
            _cacheConfig.Enabled = _cacheEnabled.BoolValue;
            _cacheConfig.LifeTimeS = (int)_cacheLifeTime.IntValue;
            _cacheConfig.StorageBytes = (int)_cacheStorage.IntValue;
            _cacheConfig.Policy = ParsePolicy(_cachePolicy.Value);
            _cacheConfig.DisablePostAuthorize = _cacheDisablePostAuthorize.BoolValue;
            _listConfig.Enabled = _listEnabled.BoolValue;
            _listConfig.ItemsPerMessage = (int)_listItemsPerMessage.IntValue;
            _listConfig.BytesPerMessage = (int)_listBytesPerMessage.IntValue;
            _listConfig.StorageBytes = (int)_listStorage.IntValue;
        }

        private void OnVariableChanged(Variable variable, AttributeType attribute)
        {
            string component = variable.ComponentName;
            if (component != CoreVariables.AuthCtrlr && component != CoreVariables.AuthCacheCtrlr && component != CoreVariables.LocalAuthListCtrlr)
            {
                return;
            }

            ApplyVariables();
            if (component == CoreVariables.AuthCacheCtrlr)
            {
                _cache.ApplyConfig(UtcMs(_lastTickMs));
            }
        }

        private static AuthCachePolicy ParsePolicy(string value)
        {
            AuthCachePolicy policy;
            return AuthCachePolicyText.TryParse(value, out policy) ? policy : AuthCachePolicy.LRU;
        }

        private static string OutcomeName(AuthorizationOutcome outcome)
        {
            return outcome == AuthorizationOutcome.AcceptLocally ? "accept" : outcome == AuthorizationOutcome.AskCsms ? "ask the CSMS" : "reject";
        }

        internal static string StatusName(AuthorizationStatus status)
        {
            return AuthorizationStatusText.Of(status);
        }
    }
}
