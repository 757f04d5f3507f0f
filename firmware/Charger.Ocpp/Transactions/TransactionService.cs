using Charger.Hal;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Functional block E (and the metering of J) for every EVSE: turns what the charger reports
    /// (vehicle, authorization, power path, charging state, meter) into TransactionEvent
    /// Started/Updated/Ended at the configured TxStartPoint/TxStopPoint, with meter values per
    /// SampledDataCtrlr and AlignedDataCtrlr. Every event goes through the journal into the
    /// persistent queue before it is sent; the queue's head is sent when the station is connected
    /// and Accepted, one at a time, in order, retried per MessageAttempts/MessageAttemptInterval.
    /// After a reboot, transactions found open are ended with PowerLoss exactly once.
    /// Everything runs inside the OCPP tick or inside the charger's calls into this object.
    /// </summary>
    public sealed class TransactionService : ICallResultHandler
    {
        public const string TransactionEventAction = "TransactionEvent";
        public const string MeterValuesAction = "MeterValues";

        private const string Component = "ocpp.tx";
        private const long MsPerSecond = 1000;

        // MeterValues outside transactions are best effort: they never take the RPC queue from
        // BootNotification, Authorize and the transaction queue's head.
        private const int MaxQueuedCallsForMeterValues = 4;

        private readonly RpcEndpoint _rpc;
        private readonly ConnectionManager _connection;
        private readonly StationClock _clock;
        private readonly TransactionVariables _vars;
        private readonly Variable _stopTxOnEvSideDisconnect;
        private readonly ILog _log;
        private readonly IEvseControl _control;
        private readonly TransactionQueueConfig _queueConfig;
        private readonly TransactionEventQueue _queue;
        private readonly TransactionJournal _journal;
        private readonly EvseTransactionState[] _evses;
        private readonly TransactionMessageBuilder _builder = new TransactionMessageBuilder();
        private readonly MeterSampleBuffer _oneSample = new MeterSampleBuffer(1);
        private readonly MeterReading _offered = new MeterReading();
        private readonly SchemaNode _meterValuesResponseSchema;
        private readonly PowerLossConfig _powerLoss;
        private ITokenAnswerListener _tokenListener;
        private long _inFlightQueueSeq = -1;
        private long _nextClockUtcMs = -1;
        private long _nextClockEndedUtcMs = -1;
        private long _eventsQueued;
        private long _eventsConfirmed;
        private int _recoveredAtBoot;
        private long _lastTickMs;

        public TransactionService(RpcEndpoint rpc, ConnectionManager connection, StationClock clock, CoreVariables vars, IFileStore store,
            IRandomSource random, ILog log, IEvseControl control, int evseCount, TransactionOptions options)
        {
            _rpc = rpc;
            _connection = connection;
            _clock = clock;
            _vars = new TransactionVariables(vars);
            _stopTxOnEvSideDisconnect = vars.Model.Find(CoreVariables.TxCtrlr, "StopTxOnEVSideDisconnect");
            _log = log;
            _control = control;
            if (options == null)
            {
                options = new TransactionOptions();
            }

            _powerLoss = options.PowerLoss == null ? new PowerLossConfig() : options.PowerLoss;
            _queueConfig = new TransactionQueueConfig();
            _queueConfig.MaxMessages = options.QueueMaxMessages;
            _queueConfig.MaxBytes = options.QueueMaxBytes;
            ApplyQueueVariables();
            _queue = new TransactionEventQueue(store, log, _queueConfig);
            _journal = new TransactionJournal(store, random, log, _queue);
            _evses = new EvseTransactionState[evseCount];
            for (int i = 0; i < evseCount; i++)
            {
                _evses[i] = new EvseTransactionState(i + 1);
            }

            _meterValuesResponseSchema = SchemaNode.Object();
            vars.Model.Changed += OnVariableChanged;
        }

        /// <summary>TransactionEventResponse, built when an answer arrives (no tree held by the service).</summary>
        public static SchemaNode EventResponseSchema()
        {
            return SchemaNode.Object()
                .Optional("totalCost", SchemaNode.Number())
                .Optional("chargingPriority", SchemaNode.Integer())
                .Optional("idTokenInfo", AuthorizationSchemas.IdTokenInfo())
                .Optional("updatedPersonalMessage", SchemaNode.Any());
        }

        public TransactionEventQueue Queue
        {
            get { return _queue; }
        }

        public TransactionJournal Journal
        {
            get { return _journal; }
        }

        public int EvseCount
        {
            get { return _evses.Length; }
        }

        /// <summary>TransactionEvents written to the queue since boot.</summary>
        public long EventsQueued
        {
            get { return _eventsQueued; }
        }

        /// <summary>TransactionEvents the CSMS confirmed since boot.</summary>
        public long EventsConfirmed
        {
            get { return _eventsConfirmed; }
        }

        /// <summary>Transactions found open at boot and ended with PowerLoss (or resumed).</summary>
        public int RecoveredAtBoot
        {
            get { return _recoveredAtBoot; }
        }

        /// <summary>Told of every idTokenInfo a TransactionEventResponse carries (the authorization service files it in the cache).</summary>
        public void SetTokenAnswerListener(ITokenAnswerListener listener)
        {
            _tokenListener = listener;
        }

        /// <summary>
        /// Reads the queue and the open-transaction records after a (re)boot and ends each
        /// interrupted transaction with stoppedReason PowerLoss and its last known energy, or resumes
        /// it when configured (E04 errata, power loss). Call once, before the first Tick.
        /// </summary>
        public void Recover(long nowMs)
        {
            _queue.Load();
            OpenTransaction[] open = _journal.Load();
            for (int i = 0; i < open.Length; i++)
            {
                OpenTransaction tx = open[i];
                EvseTransactionState evse = Find(tx.EvseId);
                bool evConnected = evse != null && _control.IsEvConnected(tx.EvseId);
                RecoveryDecision decision = PowerLossRecovery.Decide(tx, _powerLoss, evConnected, -1);
                _log.Write(LogLevel.Warning, Component, "transaction " + tx.TransactionId + " on EVSE " + tx.EvseId + ": " + decision.Reason);
                _recoveredAtBoot++;
                IdToken token = tx.IdToken == null ? null : new IdToken(tx.IdToken, IdToken.ParseType(tx.IdTokenType));
                if (decision.Action == RecoveryAction.Resume && evse != null)
                {
                    evse.TransactionId = tx.TransactionId;
                    evse.ConnectorId = tx.ConnectorId;
                    evse.EvConnected = true;
                    evse.Token = token;
                    evse.Authorized = token != null;
                    evse.TokenReported = true;
                    evse.ActiveFlags = evse.CurrentFlags;
                    evse.SeenFlags = evse.ActiveFlags;
                    evse.Meter.EnergyWh = tx.LastEnergyWh;
                    evse.TxStartEnergyWh = tx.LastEnergyWh;
                    evse.NextUpdatedMs = nowMs + _vars.TxUpdatedInterval.IntValue * MsPerSecond;
                    if (evse.Authorized)
                    {
                        _control.Authorize(tx.EvseId, true);
                    }

                    continue;
                }

                // The Ended is dated when the station learns of the loss (now), never at the start
                // (issue 17 item 5). Before the clock is set after the power cut, "now" is the
                // unsynchronised marker plus the uptime, which TimestampResolver turns into the real
                // time once BootNotification or the RTC sets the clock, before the event is sent.
                long utcMs = NowUtcMs(nowMs);
                if (_clock.IsSynchronized && utcMs < tx.StartedAtUtcMs)
                {
                    utcMs = tx.StartedAtUtcMs;
                }

                _oneSample.Clear();
                if (decision.EnergyWh >= 0)
                {
                    MeterReading last = new MeterReading();
                    last.EnergyWh = decision.EnergyWh;
                    _oneSample.Add(last, utcMs, MeterSampleBuffer.ContextEnd, Measurands.EnergyActiveImportRegister);
                }

                if (decision.NeedsStartedEvent)
                {
                    string started = _builder.TransactionEvent(TransactionEventType.Started, tx.StartedAtUtcMs, "Authorized", 0, true,
                        tx.TransactionId, false, ChargingState.Idle, null, -1, token, tx.EvseId, tx.ConnectorId, null);
                    _journal.Append(tx.EvseId, TransactionEventType.Started, 0, -1, true, started);
                    _eventsQueued++;
                }

                int seqNo = _journal.NextSeqNo(tx.EvseId);
                string ended = _builder.TransactionEvent(TransactionEventType.Ended, utcMs, "AbnormalCondition", seqNo, true,
                    tx.TransactionId, true, ChargingState.Idle, decision.StoppedReason, -1, null, tx.EvseId, tx.ConnectorId, _oneSample);
                _journal.Append(tx.EvseId, TransactionEventType.Ended, seqNo, decision.EnergyWh, true, ended);
                _eventsQueued++;
            }
        }

        // ---- What the charger reports -------------------------------------------------------

        /// <summary>A vehicle was plugged into a connector of the EVSE (pilot left state A).</summary>
        public void EvConnected(int evseId, int connectorId, long nowMs)
        {
            EvseTransactionState evse = Require(evseId);
            if (evse.EvConnected)
            {
                return;
            }

            evse.EvConnected = true;
            evse.ConnectorId = connectorId > 0 ? connectorId : 1;
            evse.EvConnectionDeadlineMs = -1;
            if (evse.State == ChargingState.Idle)
            {
                evse.State = ChargingState.EVConnected;
            }

            Evaluate(evse, nowMs, "CablePluggedIn", StopReason.Local);
        }

        /// <summary>The vehicle was unplugged (pilot back to state A).</summary>
        public void EvDisconnected(int evseId, long nowMs)
        {
            EvseTransactionState evse = Require(evseId);
            if (!evse.EvConnected)
            {
                return;
            }

            evse.EvConnected = false;
            evse.PowerPathClosed = false;
            evse.State = ChargingState.Idle;
            Evaluate(evse, nowMs, "EVCommunicationLost", StopReason.EVDisconnected);
            if (!evse.HasTransaction && evse.Authorized)
            {
                // The session is over with the vehicle gone; the next one needs a new authorization.
                evse.ClearAuthorization();
                _control.Authorize(evseId, false);
            }
        }

        /// <summary>The charger closed the EVSE's contactors.</summary>
        public void PowerPathClosed(int evseId, long nowMs)
        {
            EvseTransactionState evse = Require(evseId);
            if (evse.PowerPathClosed)
            {
                return;
            }

            evse.PowerPathClosed = true;
            Evaluate(evse, nowMs, "ChargingStateChanged", StopReason.Local, false);
        }

        /// <summary>The charger opened the EVSE's contactors; <paramref name="reason"/> is why, used when that ends the transaction.</summary>
        public void PowerPathOpened(int evseId, StopReason reason, long nowMs)
        {
            EvseTransactionState evse = Require(evseId);
            if (!evse.PowerPathClosed)
            {
                return;
            }

            evse.PowerPathClosed = false;
            Evaluate(evse, nowMs, "ChargingStateChanged", reason, false);
        }

        /// <summary>The charging state changed (E02: an Updated event with ChargingStateChanged while a transaction runs).</summary>
        public void SetChargingState(int evseId, ChargingState state, long nowMs)
        {
            EvseTransactionState evse = Require(evseId);
            if (evse.State == state)
            {
                return;
            }

            evse.State = state;
            Evaluate(evse, nowMs, "ChargingStateChanged", state == ChargingState.SuspendedEV ? StopReason.StoppedByEV : StopReason.Local);
        }

        /// <summary>A new meter reading for the EVSE; copied, so the caller may reuse its object.</summary>
        public void UpdateMeter(int evseId, MeterReading reading, long nowMs)
        {
            EvseTransactionState evse = Require(evseId);
            evse.Meter.CopyFrom(reading);
            if (evse.HasTransaction && evse.TxStartEnergyWh < 0 && reading.IsKnown)
            {
                evse.TxStartEnergyWh = reading.EnergyWh;
            }

            if (evse.HasTransaction && evse.InvalidIdEnergyLimitWh >= 0 && !evse.EnergySuspended && reading.EnergyWh >= evse.InvalidIdEnergyLimitWh)
            {
                // E05: MaxEnergyOnInvalidId delivered; no more energy for the refused token.
                evse.EnergySuspended = true;
                _control.Authorize(evseId, false);
                Emit(evse, TransactionEventType.Updated, nowMs, "EnergyLimitReached", null, null);
            }
        }

        /// <summary>
        /// Ends the EVSE's transaction now whatever the stop points say (emergency stop, ground
        /// fault, reset, reboot, a fault of the charger). False when none is open.
        /// </summary>
        public bool EndTransaction(int evseId, StopReason reason, long nowMs)
        {
            EvseTransactionState evse = Require(evseId);
            if (!evse.HasTransaction)
            {
                return false;
            }

            End(evse, nowMs, TriggerFor(reason), reason);
            return true;
        }

        // ---- What the authorization and remote-control services call -----------------------

        /// <summary>
        /// A token was accepted for the EVSE (locally, by the CSMS, or by a remote start). Tells the
        /// charger to offer energy and starts or updates the transaction per TxStartPoint.
        /// </summary>
        public void Authorized(int evseId, IdToken token, IdToken group, bool acceptedOffline, int remoteStartId, long nowMs)
        {
            EvseTransactionState evse = Require(evseId);
            evse.Authorized = true;
            evse.Token = token;
            evse.Group = group;
            evse.AuthorizedOffline = acceptedOffline;
            evse.RemoteStartId = remoteStartId;
            evse.TokenReported = false;
            evse.EnergySuspended = false;
            evse.InvalidIdEnergyLimitWh = -1;
            long timeoutMs = _vars.EvConnectionTimeOut.IntValue * MsPerSecond;
            evse.EvConnectionDeadlineMs = evse.EvConnected || timeoutMs <= 0 ? -1 : nowMs + timeoutMs;
            _control.Authorize(evseId, true);
            Evaluate(evse, nowMs, remoteStartId >= 0 ? "RemoteStart" : "Authorized", StopReason.Local);
        }

        /// <summary>
        /// The authorization ends (stop by token, remote stop, refused token): the charger is told to
        /// stop; the transaction ends when Authorized is a stop point, else it gets an Updated event.
        /// </summary>
        public void Deauthorize(int evseId, StopReason reason, string triggerReason, long nowMs)
        {
            Deauthorize(evseId, reason, triggerReason, null, nowMs);
        }

        /// <summary>
        /// As <see cref="Deauthorize(int, StopReason, string, long)"/>, by <paramref name="stopToken"/>:
        /// a different card (one of the same group, C09/E07) is reported in the event that follows,
        /// so an Ended caused by it carries its idToken (issue 17 item 6).
        /// </summary>
        public void Deauthorize(int evseId, StopReason reason, string triggerReason, IdToken stopToken, long nowMs)
        {
            EvseTransactionState evse = Require(evseId);
            bool hadTransaction = evse.HasTransaction;
            if (hadTransaction && stopToken != null && (evse.Token == null || !evse.Token.SameAs(stopToken)))
            {
                evse.Token = stopToken;
                evse.TokenReported = false;
            }

            evse.Authorized = false;
            evse.EvConnectionDeadlineMs = -1;
            Evaluate(evse, nowMs, triggerReason, reason);
            evse.ClearAuthorization();
            _control.Authorize(evseId, false);
            if (hadTransaction || evse.PowerPathClosed)
            {
                _control.RequestStop(evseId);
            }
        }

        public bool IsAuthorized(int evseId)
        {
            EvseTransactionState evse = Find(evseId);
            return evse != null && evse.Authorized;
        }

        public bool HasTransaction(int evseId)
        {
            EvseTransactionState evse = Find(evseId);
            return evse != null && evse.HasTransaction;
        }

        public bool IsEvConnected(int evseId)
        {
            EvseTransactionState evse = Find(evseId);
            return evse != null && evse.EvConnected;
        }

        /// <summary>transactionId of the EVSE's open transaction, or null.</summary>
        public string TransactionIdOf(int evseId)
        {
            EvseTransactionState evse = Find(evseId);
            return evse == null ? null : evse.TransactionId;
        }

        /// <summary>The EVSE whose open transaction has this id, or 0.</summary>
        public int EvseOfTransaction(string transactionId)
        {
            for (int i = 0; i < _evses.Length; i++)
            {
                if (_evses[i].TransactionId != null && _evses[i].TransactionId == transactionId)
                {
                    return _evses[i].EvseId;
                }
            }

            return 0;
        }

        /// <summary>The token that authorized the EVSE, or null.</summary>
        public IdToken TokenOf(int evseId)
        {
            EvseTransactionState evse = Find(evseId);
            return evse == null ? null : evse.Token;
        }

        public IdToken GroupOf(int evseId)
        {
            EvseTransactionState evse = Find(evseId);
            return evse == null ? null : evse.Group;
        }

        /// <summary>The state object of an EVSE (diagnostics, tests).</summary>
        public EvseTransactionState StateOf(int evseId)
        {
            return Find(evseId);
        }

        /// <summary>
        /// The CSMS refused the token of a running transaction (E05 via TransactionEventResponse,
        /// or an AuthorizeResponse): StopTxOnInvalidId ends it, else energy is suspended or
        /// limited to MaxEnergyOnInvalidId.
        /// </summary>
        public InvalidIdAction ApplyInvalidId(int evseId, AuthorizationStatus status, long nowMs)
        {
            EvseTransactionState evse = Require(evseId);
            InvalidIdConfig config = new InvalidIdConfig();
            config.StopTxOnInvalidId = _vars.StopTxOnInvalidId.BoolValue;
            config.MaxEnergyOnInvalidIdWh = _vars.MaxEnergyOnInvalidId.IntValue;
            InvalidIdAction action = InvalidIdPolicy.Decide(status, config);
            if (action == InvalidIdAction.Continue || !evse.HasTransaction)
            {
                return action;
            }

            _log.Write(LogLevel.Warning, Component, "CSMS refused the token of transaction " + evse.TransactionId + " (" + AuthorizationStatusText.Of(status) + "): " + InvalidIdActionText.Of(action));
            if (action == InvalidIdAction.StopTransaction)
            {
                End(evse, nowMs, "Deauthorized", StopReason.DeAuthorized);
                _control.RequestStop(evseId);
            }
            else if (action == InvalidIdAction.SuspendEnergy)
            {
                evse.EnergySuspended = true;
                _control.Authorize(evseId, false);
            }
            else
            {
                long start = evse.TxStartEnergyWh >= 0 ? evse.TxStartEnergyWh : evse.Meter.EnergyWh;
                evse.InvalidIdEnergyLimitWh = start + config.MaxEnergyOnInvalidIdWh;
                if (evse.Meter.IsKnown && evse.Meter.EnergyWh >= evse.InvalidIdEnergyLimitWh)
                {
                    evse.EnergySuspended = true;
                    _control.Authorize(evseId, false);
                    Emit(evse, TransactionEventType.Updated, nowMs, "EnergyLimitReached", null, null);
                }
            }

            return action;
        }

        // ---- TriggerMessage (F06) -----------------------------------------------------------

        /// <summary>TriggerMessage TransactionEvent: an Updated event (triggerReason Trigger) for the EVSE's transaction, or every one for 0.</summary>
        public bool TriggerTransactionEvent(int evseId, long nowMs)
        {
            bool any = false;
            for (int i = 0; i < _evses.Length; i++)
            {
                EvseTransactionState evse = _evses[i];
                if ((evseId == 0 || evse.EvseId == evseId) && evse.HasTransaction)
                {
                    _oneSample.Clear();
                    _oneSample.Add(evse.Meter, NowUtcMs(nowMs), MeterSampleBuffer.ContextTrigger, _vars.UpdatedMeasurands);
                    Emit(evse, TransactionEventType.Updated, nowMs, "Trigger", null, _oneSample);
                    any = true;
                }
            }

            return any;
        }

        /// <summary>
        /// K01/K08: the charging rate the EVSE offers changed (a profile boundary, a new profile, a
        /// derating): an Updated event with triggerReason ChargingRateChanged carrying the new offer
        /// as Current.Offered. False when the EVSE has no transaction.
        /// </summary>
        public bool ChargingRateChanged(int evseId, double offeredA, long nowMs)
        {
            for (int i = 0; i < _evses.Length; i++)
            {
                EvseTransactionState evse = _evses[i];
                if (evse.EvseId == evseId && evse.HasTransaction)
                {
                    _oneSample.Clear();
                    _offered.CopyFrom(evse.Meter);
                    _offered.HasOffered = true;
                    _offered.OfferedA = offeredA;
                    _oneSample.Add(_offered, NowUtcMs(nowMs), MeterSampleBuffer.ContextPeriodic, Measurands.CurrentOffered);
                    Emit(evse, TransactionEventType.Updated, nowMs, "ChargingRateChanged", null, _oneSample);
                    return true;
                }
            }

            return false;
        }

        /// <summary>TriggerMessage MeterValues: a MeterValues with AlignedDataCtrlr.Measurands for the EVSE (0: all) that has a reading.</summary>
        public bool TriggerMeterValues(int evseId, long nowMs)
        {
            bool any = false;
            for (int i = 0; i < _evses.Length; i++)
            {
                EvseTransactionState evse = _evses[i];
                if ((evseId == 0 || evse.EvseId == evseId) && evse.Meter.IsKnown)
                {
                    any |= SendMeterValues(evse, nowMs, MeterSampleBuffer.ContextTrigger, SendPermission.AllowedWhilePending);
                }
            }

            return any;
        }

        // ---- Tick ---------------------------------------------------------------------------

        public void Tick(long nowMs)
        {
            _lastTickMs = nowMs;
            for (int i = 0; i < _evses.Length; i++)
            {
                TickEvse(_evses[i], nowMs);
            }

            TickClockAligned(nowMs);
            SendHead(nowMs);
        }

        public void OnCallResult(OutgoingCall call, JsonValue payload)
        {
            if (call.Action != TransactionEventAction)
            {
                return;
            }

            QueuedMessage message = (QueuedMessage)call.Context;
            _inFlightQueueSeq = -1;
            if (_queue.Confirm(message.QueueSeq))
            {
                _eventsConfirmed++;
            }

            // The next one goes in the same pump: a backlog after an outage drains at one message per round trip.
            SendHead(_lastTickMs);

            JsonValue info = payload.Get("idTokenInfo");
            if (info == null)
            {
                return;
            }

            int evseId = EvseOfTransaction(message.TransactionId);
            EvseTransactionState evse = Find(evseId);
            if (evse == null || evse.Token == null)
            {
                return;
            }

            IdTokenInfo answer = IdTokenJson.ReadInfo(info);
            if (_tokenListener != null)
            {
                _tokenListener.OnTokenAnswer(evse.Token, answer, _lastTickMs);
            }

            if (answer.Status != AuthorizationStatus.Accepted)
            {
                ApplyInvalidId(evseId, answer.Status, _lastTickMs);
            }
        }

        public void OnCallFailed(OutgoingCall call, string errorCode, string description)
        {
            if (call.Action != TransactionEventAction)
            {
                _log.Write(LogLevel.Warning, Component, call.Action + " not delivered: " + errorCode + " " + description);
                return;
            }

            QueuedMessage message = (QueuedMessage)call.Context;
            _inFlightQueueSeq = -1;
            if (errorCode == RpcErrorCode.LocalConnectionLost)
            {
                // No answer because the link went: send again after reconnecting, no attempt counted.
                _queue.ReleaseInFlight();
                return;
            }

            _queue.Fail(message.QueueSeq, _lastTickMs, errorCode + " " + description);
        }

        private void TickEvse(EvseTransactionState evse, long nowMs)
        {
            if (evse.EvConnectionDeadlineMs >= 0 && nowMs >= evse.EvConnectionDeadlineMs && !evse.EvConnected)
            {
                // E03 / C: no vehicle within EVConnectionTimeOut after authorization.
                _log.Write(LogLevel.Info, Component, "EVSE " + evse.EvseId + ": no vehicle within EVConnectionTimeOut, authorization withdrawn");
                Deauthorize(evse.EvseId, StopReason.Timeout, "EVConnectTimeout", nowMs);
                return;
            }

            if (!evse.HasTransaction)
            {
                return;
            }

            long updatedMs = _vars.TxUpdatedInterval.IntValue * MsPerSecond;
            if (updatedMs > 0 && nowMs >= evse.NextUpdatedMs)
            {
                evse.NextUpdatedMs = nowMs + updatedMs;
                int measurands = _vars.UpdatedMeasurands;
                if (measurands != 0 && evse.Meter.IsKnown)
                {
                    _oneSample.Clear();
                    _oneSample.Add(evse.Meter, NowUtcMs(nowMs), MeterSampleBuffer.ContextPeriodic, measurands);
                    Emit(evse, TransactionEventType.Updated, nowMs, "MeterValuePeriodic", null, _oneSample);
                }
            }

            long endedMs = _vars.TxEndedInterval.IntValue * MsPerSecond;
            if (endedMs > 0 && nowMs >= evse.NextEndedSampleMs)
            {
                evse.NextEndedSampleMs = nowMs + endedMs;
                evse.EndedSamples.Add(evse.Meter, NowUtcMs(nowMs), MeterSampleBuffer.ContextPeriodic, _vars.EndedMeasurands);
            }
        }

        private void TickClockAligned(long nowMs)
        {
            long utcMs = NowUtcMs(nowMs);
            long intervalMs = _vars.AlignedInterval.IntValue * MsPerSecond;
            if (intervalMs > 0)
            {
                if (_nextClockUtcMs < 0 || utcMs - _nextClockUtcMs > intervalMs || _nextClockUtcMs - utcMs > intervalMs)
                {
                    // First run, or the clock was set: align again without a burst of catch-up samples.
                    _nextClockUtcMs = (utcMs / intervalMs + 1) * intervalMs;
                }
                else if (utcMs >= _nextClockUtcMs)
                {
                    _nextClockUtcMs += intervalMs;
                    for (int i = 0; i < _evses.Length; i++)
                    {
                        ClockSample(_evses[i], nowMs, utcMs);
                    }
                }
            }

            long endedIntervalMs = _vars.AlignedTxEndedInterval.IntValue * MsPerSecond;
            if (endedIntervalMs > 0)
            {
                if (_nextClockEndedUtcMs < 0 || utcMs - _nextClockEndedUtcMs > endedIntervalMs || _nextClockEndedUtcMs - utcMs > endedIntervalMs)
                {
                    _nextClockEndedUtcMs = (utcMs / endedIntervalMs + 1) * endedIntervalMs;
                }
                else if (utcMs >= _nextClockEndedUtcMs)
                {
                    _nextClockEndedUtcMs += endedIntervalMs;
                    for (int i = 0; i < _evses.Length; i++)
                    {
                        EvseTransactionState evse = _evses[i];
                        if (evse.HasTransaction)
                        {
                            evse.EndedSamples.Add(evse.Meter, utcMs, MeterSampleBuffer.ContextClock, _vars.ClockEndedMeasurands);
                        }
                    }
                }
            }
        }

        private void ClockSample(EvseTransactionState evse, long nowMs, long utcMs)
        {
            int measurands = _vars.ClockMeasurands;
            if (measurands == 0 || !evse.Meter.IsKnown)
            {
                return;
            }

            if (evse.HasTransaction)
            {
                _oneSample.Clear();
                _oneSample.Add(evse.Meter, utcMs, MeterSampleBuffer.ContextClock, measurands);
                Emit(evse, TransactionEventType.Updated, nowMs, "MeterValueClock", null, _oneSample);
            }
            else
            {
                SendMeterValues(evse, nowMs, MeterSampleBuffer.ContextClock, SendPermission.RequiresAccepted);
            }
        }

        /// <summary>MeterValues outside a transaction (J01): not queued persistently; a lost one is only logged.</summary>
        private bool SendMeterValues(EvseTransactionState evse, long nowMs, string context, SendPermission permission)
        {
            if (!_connection.IsConnected || (permission == SendPermission.RequiresAccepted && _rpc.Registration != RegistrationState.Accepted)
                || _rpc.QueuedCalls >= MaxQueuedCallsForMeterValues)
            {
                // Not queued while it cannot leave: a pile of them in the RPC queue would block the BootNotification.
                return false;
            }

            int measurands = _vars.ClockMeasurands;
            if (measurands == 0)
            {
                measurands = Measurands.EnergyActiveImportRegister;
            }

            _oneSample.Clear();
            _oneSample.Add(evse.Meter, NowUtcMs(nowMs), context, measurands);
            if (_oneSample.Count == 0)
            {
                return false;
            }

            string payload = _builder.MeterValues(evse.EvseId, _oneSample);
            if (payload == null)
            {
                _log.Write(LogLevel.Warning, Component, "MeterValues of EVSE " + evse.EvseId + " not sent: no reportable value");
                return false;
            }

            return _rpc.Call(MeterValuesAction, payload, _meterValuesResponseSchema, this, null, permission);
        }

        private void SendHead(long nowMs)
        {
            if (_inFlightQueueSeq >= 0 || !_connection.IsConnected || _rpc.Registration != RegistrationState.Accepted)
            {
                return;
            }

            if (!_queue.HasMessageDue(nowMs))
            {
                return;
            }

            QueuedMessage message = _queue.NextToSend(nowMs);
            if (message == null)
            {
                return;
            }

            // Events produced before the clock was set leave with their real time (issue 17 item 4).
            string payload = TimestampResolver.Resolve(message.Payload, _clock);
            message.Payload = null;
            if (_rpc.CallLazySchema(TransactionEventAction, payload, EventResponseSchema, this, message, SendPermission.RequiresAccepted))
            {
                _queue.MarkSent(message.QueueSeq);
                _inFlightQueueSeq = message.QueueSeq;
            }
        }

        // ---- Transaction logic --------------------------------------------------------------

        /// <summary>
        /// Re-evaluates start and stop points after an input changed (E01 start, E06 stop): a rising
        /// start point opens a transaction; a stop point that was true during the transaction and
        /// is no longer ends it; any other change of a running transaction is an Updated event.
        /// </summary>
        private void Evaluate(EvseTransactionState evse, long nowMs, string triggerReason, StopReason stopReason)
        {
            Evaluate(evse, nowMs, triggerReason, stopReason, true);
        }

        /// <param name="updateIfRunning">
        /// False for a contactor change: it may start or end a transaction, but the chargingState it
        /// brings is reported by <see cref="SetChargingState"/>; an Updated "ChargingStateChanged"
        /// with the state unchanged is not what E02 describes (issue 17 item 6).
        /// </param>
        private void Evaluate(EvseTransactionState evse, long nowMs, string triggerReason, StopReason stopReason, bool updateIfRunning)
        {
            int active = evse.CurrentFlags;
            int rising = active & ~evse.ActiveFlags;
            evse.ActiveFlags = active;
            if (!evse.HasTransaction)
            {
                if ((rising & _vars.StartPoints) != 0)
                {
                    Start(evse, nowMs, triggerReason);
                }

                return;
            }

            evse.SeenFlags |= active;
            int stopPoints = _vars.StopPoints;
            if (_stopTxOnEvSideDisconnect != null && _stopTxOnEvSideDisconnect.BoolValue)
            {
                // TxCtrlr.StopTxOnEVSideDisconnect: unplugging at the vehicle ends the transaction whatever TxStopPoint says.
                stopPoints |= TxPoint.EVConnected;
            }

            if ((evse.SeenFlags & ~active & stopPoints) != 0)
            {
                End(evse, nowMs, triggerReason, stopReason);
                return;
            }

            if (updateIfRunning)
            {
                Emit(evse, TransactionEventType.Updated, nowMs, triggerReason, null, null);
            }
        }

        private void Start(EvseTransactionState evse, long nowMs, string triggerReason)
        {
            long utcMs = NowUtcMs(nowMs);
            string tokenValue = evse.Token == null ? null : evse.Token.Value;
            string tokenType = evse.Token == null ? null : IdToken.TypeName(evse.Token.Type);
            OpenTransaction tx = _journal.Begin(evse.EvseId, evse.ConnectorId, tokenValue, tokenType, utcMs, evse.Meter.EnergyWh);
            evse.TransactionId = tx.TransactionId;
            evse.SeenFlags = evse.ActiveFlags;
            evse.TxStartEnergyWh = evse.Meter.EnergyWh;
            evse.NextUpdatedMs = nowMs + _vars.TxUpdatedInterval.IntValue * MsPerSecond;
            evse.NextEndedSampleMs = nowMs + _vars.TxEndedInterval.IntValue * MsPerSecond;
            evse.EndedSamples.Clear();
            _oneSample.Clear();
            _oneSample.Add(evse.Meter, utcMs, MeterSampleBuffer.ContextBegin, _vars.StartedMeasurands);
            try
            {
                Emit(evse, TransactionEventType.Started, nowMs, triggerReason, null, _oneSample);
            }
            catch (TransactionQueueFullException e)
            {
                // Nothing may be charged that cannot be reported.
                _log.Write(LogLevel.Error, Component, "EVSE " + evse.EvseId + ": transaction not started, " + e.Message);
                _journal.Abandon(evse.EvseId, e.Message);
                evse.ClearTransaction();
                if (evse.Authorized)
                {
                    evse.ClearAuthorization();
                    _control.Authorize(evse.EvseId, false);
                }

                _control.RequestStop(evse.EvseId);
            }
        }

        private void End(EvseTransactionState evse, long nowMs, string triggerReason, StopReason reason)
        {
            long utcMs = NowUtcMs(nowMs);
            MeterSampleBuffer samples = evse.EndedSamples;
            samples.Add(evse.Meter, utcMs, MeterSampleBuffer.ContextEnd, _vars.EndedMeasurands);
            Emit(evse, TransactionEventType.Ended, nowMs, triggerReason, StopReasonText.Of(reason), samples);
            bool wasAuthorized = evse.Authorized;
            evse.ClearTransaction();
            evse.ActiveFlags = evse.CurrentFlags;
            if (wasAuthorized)
            {
                evse.ClearAuthorization();
                _control.Authorize(evse.EvseId, false);
            }
        }

        private void Emit(EvseTransactionState evse, TransactionEventType type, long nowMs, string triggerReason, string stoppedReason,
            MeterSampleBuffer samples)
        {
            int seqNo = _journal.NextSeqNo(evse.EvseId);
            bool offline = !IsOnline;
            IdToken token = null;
            if (evse.Token != null && !evse.TokenReported)
            {
                token = evse.Token;
            }

            int remoteStartId = -1;
            if (evse.RemoteStartId >= 0 && !evse.RemoteStartReported)
            {
                // F01/F02: the first event after a remote start says so and carries its remoteStartId.
                remoteStartId = evse.RemoteStartId;
                if (type != TransactionEventType.Ended)
                {
                    triggerReason = "RemoteStart";
                }
            }

            string payload = _builder.TransactionEvent(type, NowUtcMs(nowMs), triggerReason, seqNo, offline, evse.TransactionId, true,
                evse.State, stoppedReason, remoteStartId, token, evse.EvseId, evse.ConnectorId, samples);
            long energyWh = evse.Meter.IsKnown ? evse.Meter.EnergyWh : -1;
            _journal.Append(evse.EvseId, type, seqNo, energyWh, offline, payload);
            _eventsQueued++;
            if (token != null)
            {
                evse.TokenReported = true;
            }

            if (remoteStartId >= 0)
            {
                evse.RemoteStartReported = true;
            }
        }

        /// <summary>Connected and Accepted: what is produced now is not "offline" (E11/E12).</summary>
        private bool IsOnline
        {
            get { return _connection.IsConnected && _rpc.Registration == RegistrationState.Accepted; }
        }

        private long NowUtcMs(long nowMs)
        {
            return EpochTime.ToUtcMs(_clock.UtcAt(nowMs));
        }

        private static string TriggerFor(StopReason reason)
        {
            switch (reason)
            {
                case StopReason.Local: return "StopAuthorized";
                case StopReason.Remote: return "RemoteStop";
                case StopReason.DeAuthorized: return "Deauthorized";
                case StopReason.EVDisconnected: return "EVCommunicationLost";
                case StopReason.EnergyLimitReached: return "EnergyLimitReached";
                case StopReason.TimeLimitReached: return "TimeLimitReached";
                case StopReason.Timeout: return "EVConnectTimeout";
                case StopReason.ImmediateReset: return "ResetCommand";
                case StopReason.Reboot: return "ResetCommand";
                case StopReason.StoppedByEV: return "ChargingStateChanged";
                default: return "AbnormalCondition";
            }
        }

        private void ApplyQueueVariables()
        {
            // OCPPCommCtrlr.MessageAttempts 0 would discard before the first try: at least one attempt.
            int attempts = (int)_vars.MessageAttempts.IntValue;
            _queueConfig.MessageAttempts = attempts < 1 ? 1 : attempts;
            _queueConfig.MessageAttemptIntervalS = (int)_vars.MessageAttemptInterval.IntValue;
        }

        private void OnVariableChanged(Variable variable, AttributeType attribute)
        {
            if (variable == _vars.MessageAttempts || variable == _vars.MessageAttemptInterval)
            {
                ApplyQueueVariables();
            }
        }

        private EvseTransactionState Find(int evseId)
        {
            return evseId >= 1 && evseId <= _evses.Length ? _evses[evseId - 1] : null;
        }

        private EvseTransactionState Require(int evseId)
        {
            EvseTransactionState evse = Find(evseId);
            if (evse == null)
            {
                throw new System.ArgumentOutOfRangeException("evseId", "no EVSE " + evseId + " (this station has " + _evses.Length + ")");
            }

            return evse;
        }
    }
}
