using System.Text.Json;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Tests.Support;
using Charger.Ocpp.Tests.TxServices;
using Charger.Ocpp.Transactions;
using Charger.Sim.Models.Csms;
using Xunit.Abstractions;

namespace Charger.Ocpp.Tests.TxSimulation;

/// <summary>
/// Issue 6's deterministic simulation over the real RPC: the whole OcppStation with its
/// transaction and authorization services on a loopback WebSocket against the desktop
/// BuiltInCsms, in virtual time, seeded. Two EVSEs run hundreds of card sessions while the
/// network fails for seconds to days, the CSMS answers CALLERROR or nothing (before or after it
/// recorded the event), and power is cut at random points, many inside a file write; after a cut
/// the station objects are rebuilt from the same file store, as a reboot would.
///
/// For every transaction the CSMS must end with exactly one Started and one Ended, seqNos from 0
/// to the Ended's without a gap, energy never decreasing, and no transaction the station opened
/// missing. Duplicates: delivery is at least once, so a message whose answer was lost (CSMS
/// answer dropped, or a power cut between the answer and the queue record's deletion) arrives
/// again with the same seqNo. Such a resend is accepted only when the CSMS's record shows it as
/// the same event (same eventType, timestamp and triggerReason as the first copy); it is counted
/// as "redelivered". Any other repeated seqNo is a "duplicated" and must be 0.
/// A failing seed is a test case forever: add it to the InlineData.
/// </summary>
public class RpcTransactionSimulationTests
{
    private const string StationId = "CS001";
    private const long StepMs = 5_000;
    private const long IdleStepMs = 60_000;
    private const int MessageAttempts = 4;

    private readonly ITestOutputHelper _output;

    public RpcTransactionSimulationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData(1UL, 320)]
    [InlineData(20261121UL, 300)]
    public void NoTransactionEventIsLostOrDuplicatedAcrossOutagesCsmsFaultsAndPowerCuts_E11_E12_E13(ulong seed, int sessions)
    {
        var sim = new Simulation(seed, sessions);
        sim.Run();
        Report figures = sim.Check();
        _output.WriteLine(figures.ToString());

        Assert.Equal(sessions, figures.Sessions);
        Assert.True(figures.Transactions >= sessions / 2, "most sessions become transactions: " + figures.Transactions);
        Assert.True(figures.Outages >= 15, "outages " + figures.Outages);
        Assert.True(figures.LongestOutageMs >= 24L * 3600_000, "an outage of a day or more");
        Assert.True(figures.ShortestOutageMs <= 30_000, "an outage of seconds");
        Assert.True(figures.PowerCuts >= 15, "power cuts " + figures.PowerCuts);
        Assert.True(figures.CutsInsideWrites >= 10, "cuts inside a write " + figures.CutsInsideWrites);
        Assert.True(figures.CsmsErrors > 0 && figures.CsmsSilences > 0 && figures.AnswersLost > 0, "CSMS faults injected");
        Assert.True(figures.OfflineEvents > 0, "events produced offline");
        Assert.True(figures.PowerLossEnded > 0, "transactions ended by PowerLoss");
        Assert.Equal(0, figures.Lost);
        Assert.Equal(0, figures.Duplicated);
        Assert.Equal(0, figures.Incomplete);
        Assert.Equal(0, figures.EnergyDecreases);
        Assert.Equal(0, figures.Phantom);
        Assert.Equal(0, figures.QueueDiscarded);
        Assert.Equal(0, figures.QueueThinned);
    }

    private sealed class Report
    {
        public int Sessions, Transactions, Outages, PowerCuts, CutsInsideWrites, CsmsErrors, CsmsSilences, AnswersLost;
        public int Messages, OfflineEvents, PowerLossEnded, Redelivered, Lost, Duplicated, Incomplete, EnergyDecreases, Phantom;
        public long LongestOutageMs, ShortestOutageMs = long.MaxValue, QueueDiscarded, QueueThinned, VirtualMs;

        public override string ToString() =>
            "sessions " + Sessions + ", transactions " + Transactions + ", virtual time " + (VirtualMs / 3600_000) + " h"
            + ", outages " + Outages + " (" + (ShortestOutageMs / 1000) + " s to " + (LongestOutageMs / 3600_000.0).ToString("0.0") + " h)"
            + ", power cuts " + PowerCuts + " (" + CutsInsideWrites + " inside a write)"
            + ", CSMS CALLERRORs " + CsmsErrors + ", silences " + CsmsSilences + ", answers lost " + AnswersLost
            + ", messages " + Messages + ", offline events " + OfflineEvents + ", ended by PowerLoss " + PowerLossEnded
            + ", redelivered " + Redelivered + ", lost = " + Lost + ", duplicated = " + Duplicated
            + ", incomplete = " + Incomplete + ", energy decreases = " + EnergyDecreases + ", queue discarded = " + QueueDiscarded + ", thinned = " + QueueThinned;
    }

    private sealed class EvseModel
    {
        public bool InSession;
        public bool Charging;
        public bool StopWithCard;
        public string Token;
        public long NextStartMs;
        public long StartMs;
        public long EndMs;
        public long MeterWh;
    }

    private sealed class Simulation
    {
        private readonly SeededRandom _rnd;
        private readonly int _sessionsWanted;
        private readonly VirtualClock _clock = new(1_000);
        private readonly MemoryFileStore _store = new();
        private readonly BuiltInCsms _csms;
        private readonly FakeEvseControl _control = new();
        private readonly EvseModel[] _evses = { new(), new() };
        private readonly HashSet<string> _stationTransactions = new();
        private readonly Dictionary<string, int> _faultsPerMessage = new();
        private readonly Report _report = new();
        private LoopbackWebSocket _socket;
        private OcppStation _station;
        private bool _csmsConnected;
        private bool _networkUp = true;
        private long _outageEndMs;
        private long _nextOutageMs;
        private bool _suppressNextAnswer;
        private long _queueDiscarded;
        private long _queueThinned;

        public Simulation(ulong seed, int sessions)
        {
            _rnd = new SeededRandom(seed);
            _sessionsWanted = sessions;
            _csms = new BuiltInCsms(new CsmsOptions(), () => _clock.NowMs, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            _csms.FrameSink = OnCsmsFrame;
            _nextOutageMs = _clock.NowMs + RandomGap();
            for (int i = 0; i < _evses.Length; i++)
            {
                _evses[i].NextStartMs = _clock.NowMs + _rnd.Next(10, 600) * 1000L;
            }

            Build(configure: true);
        }

        private int SessionsStarted => _report.Sessions;

        public void Run()
        {
            while (SessionsStarted < _sessionsWanted || _evses.Any(e => e.InSession))
            {
                Step(faults: true);
            }

            // Drain: the network is back for good, no more faults, until the CSMS has everything.
            _networkUp = true;
            _socket.Server.AutoAccept = true;
            _outageEndMs = 0;
            _nextOutageMs = long.MaxValue;
            for (int i = 0; i < 2000 && !Drained(); i++)
            {
                Step(faults: false);
            }

            Assert.True(Drained(), "the queue did not drain: " + _station.Transactions.Queue.Count + " messages left, registration "
                + _station.Registration.State + ", connection " + _station.Connection.State + ", in flight " + _station.Transactions.Queue.HeadInFlight
                + ", rpc outstanding " + (_station.Rpc.Outstanding == null ? "none" : _station.Rpc.Outstanding.Action) + ", queued calls " + _station.Rpc.QueuedCalls
                + ", socket " + _socket.State + ", server open " + _socket.Server.IsOpen + ", csms connected " + _csmsConnected);
        }

        private bool Drained() => _csmsConnected && _station.Transactions.Queue.IsEmpty && _station.Transactions.Journal.OpenCount == 0;

        private void Step(bool faults)
        {
            bool idle = !_networkUp && _evses.All(e => !e.InSession);
            _clock.Advance(idle ? IdleStepMs : StepMs);
            long now = _clock.NowMs;
            try
            {
                if (faults)
                {
                    Network(now);
                    MaybeCutPower();
                }

                for (int i = 0; i < _evses.Length; i++)
                {
                    Drive(i + 1, _evses[i], now, faults);
                }

                Remember();

                _station.Tick(now);
                Pump();
                _csms.Tick();
                _station.Tick(now);
                Pump();
                Remember();
            }
            catch (PowerCutException)
            {
                Reboot();
            }
        }

        private void Build(bool configure)
        {
            _socket = new LoopbackWebSocket();
            _socket.Server.AutoAccept = _networkUp;
            _station = new OcppStation(new StationConfig
            {
                StationId = StationId,
                CsmsUrl = "ws://csms.sim/ocpp",
                BasicAuthPassword = StationHarness.Password,
                SerialNumber = "SIM-1",
                ConnectorsPerEvse = new[] { 1, 1 },
            }, _socket, _store, _rnd, new ListLog(), new FakeHooks(), _control,
                new TransactionOptions { QueueMaxMessages = 20_000, QueueMaxBytes = 16 * 1024 * 1024 }, BootReason.PowerUp, new RpcLimits());
            if (configure)
            {
                Set(CoreVariables.OcppCommCtrlr, "MessageAttempts", MessageAttempts.ToString());
                Set(CoreVariables.OcppCommCtrlr, "MessageAttemptInterval", "20");
                Set(CoreVariables.OcppCommCtrlr, "RetryBackOffWaitMinimum", "10");
                Set(CoreVariables.SampledDataCtrlr, "TxUpdatedInterval", "600");
                Set(CoreVariables.AlignedDataCtrlr, "Interval", "900");
                Set(CoreVariables.AuthCtrlr, "OfflineTxForUnknownIdEnabled", "true");
                Set(CoreVariables.TxCtrlr, "TxStartPoint", _rnd.Chance(500) ? "PowerPathClosed" : "EVConnected,Authorized");
                _station.DeviceModel.SaveIfDirty();
            }

            _csmsConnected = false;
            Remember();
        }

        private void Set(string component, string name, string value)
        {
            for (int i = 0; i < _station.DeviceModel.Count; i++)
            {
                Variable v = _station.DeviceModel.At(i);
                if (v.ComponentName == component && v.Name == name && v.EvseId == 0)
                {
                    _station.DeviceModel.SetPersistent(v, AttributeType.Actual, value);
                    return;
                }
            }

            throw new InvalidOperationException(component + "." + name);
        }

        private void Reboot()
        {
            _report.PowerCuts++;
            _queueDiscarded += _station.Transactions.Queue.DiscardedCount;
            _queueThinned += _station.Transactions.Queue.DroppedUpdatedCount;
            _store.RestorePower();
            if (_csmsConnected)
            {
                _csms.OnDisconnected(StationId);
            }

            // The charger restarts too: every session in progress is over (the vehicles are unplugged).
            foreach (var evse in _evses)
            {
                if (evse.InSession)
                {
                    evse.InSession = false;
                    evse.Charging = false;
                    evse.NextStartMs = _clock.NowMs + _rnd.Next(60, 1800) * 1000L;
                }
            }

            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    Build(configure: false);
                    return;
                }
                catch (PowerCutException)
                {
                    // A cut while the reboot itself writes (the PowerLoss recovery): boot again.
                    _report.PowerCuts++;
                    _store.RestorePower();
                    Assert.True(attempt < 10, "reboot loop");
                }
            }
        }

        private void MaybeCutPower()
        {
            if (_store.PowerIsCut)
            {
                return;
            }

            // About one cut per 8 virtual hours of 5 s steps, most inside a write.
            if (_rnd.Next(5760) < 1)
            {
                if (_rnd.Chance(700))
                {
                    _report.CutsInsideWrites++;
                    _store.CutPowerAtWrite(_rnd.Next(1, 6), _rnd.Chance(500));
                }
                else
                {
                    _store.CutPowerNow();
                    throw new PowerCutException("power cut between writes");
                }
            }
        }

        private void Network(long now)
        {
            if (_networkUp && now >= _nextOutageMs)
            {
                _networkUp = false;
                long lengthMs = _rnd.Next(100) switch
                {
                    < 45 => _rnd.Next(3, 60) * 1000L,           // seconds
                    < 80 => _rnd.Next(1, 60) * 60_000L,         // minutes
                    < 95 => _rnd.Next(1, 20) * 3600_000L,       // hours
                    _ => _rnd.Next(24, 72) * 3600_000L,         // days
                };
                if (_report.Outages == 3)
                {
                    lengthMs = 26 * 3600_000L; // at least one outage of more than a day per run
                }

                _outageEndMs = now + lengthMs;
                _report.Outages++;
                _report.LongestOutageMs = Math.Max(_report.LongestOutageMs, lengthMs);
                _report.ShortestOutageMs = Math.Min(_report.ShortestOutageMs, lengthMs);
                _socket.Server.AutoAccept = false;
                if (_socket.Server.IsOpen)
                {
                    _socket.Server.Close(1006, "network outage");
                }
            }
            else if (!_networkUp && now >= _outageEndMs)
            {
                _networkUp = true;
                _socket.Server.AutoAccept = true;
                _nextOutageMs = now + RandomGap();
            }
        }

        private long RandomGap() => _rnd.Next(20, 360) * 60_000L;

        private void Drive(int evseId, EvseModel evse, long now, bool faults)
        {
            TransactionService tx = _station.Transactions;
            if (!evse.InSession)
            {
                if (!faults || SessionsStarted >= _sessionsWanted || now < evse.NextStartMs)
                {
                    return;
                }

                _report.Sessions++;
                evse.InSession = true;
                evse.Charging = false;
                evse.Token = "RFID-000" + _rnd.Next(1, 6);
                evse.StopWithCard = _rnd.Chance(500);
                evse.StartMs = now;
                evse.EndMs = now + _rnd.Next(20, 150) * 60_000L;
                tx.UpdateMeter(evseId, Reading(evse.MeterWh), now);
                tx.EvConnected(evseId, 1, now);
                _station.Authorization.PresentIdToken(evseId, evse.Token, IdTokenType.ISO14443, now);
                return;
            }

            if (!evse.Charging && _control.LastAuthorization(evseId) == true && tx.IsAuthorized(evseId))
            {
                evse.Charging = true;
                tx.PowerPathClosed(evseId, now);
                tx.SetChargingState(evseId, ChargingState.Charging, now);
            }

            if (evse.Charging)
            {
                evse.MeterWh += 7 * StepMs / 3600; // about 7 kW
                tx.UpdateMeter(evseId, Reading(evse.MeterWh), now);
                if (_rnd.Chance(5))
                {
                    tx.SetChargingState(evseId, ChargingState.SuspendedEV, now);
                    tx.SetChargingState(evseId, ChargingState.Charging, now);
                }
            }

            // A session whose token was refused (or lost with a cut before the answer) gives up after ten minutes.
            bool refused = !evse.Charging && now - evse.StartMs > 10 * 60_000L;
            if (now >= evse.EndMs || refused || (evse.Charging && !tx.IsAuthorized(evseId)))
            {
                if (evse.StopWithCard && tx.IsAuthorized(evseId))
                {
                    _station.Authorization.PresentIdToken(evseId, evse.Token, IdTokenType.ISO14443, now);
                }

                if (evse.Charging)
                {
                    tx.SetChargingState(evseId, ChargingState.EVConnected, now);
                    tx.PowerPathOpened(evseId, StopReason.Local, now);
                }

                tx.EvDisconnected(evseId, now);
                evse.InSession = false;
                evse.Charging = false;
                evse.NextStartMs = now + _rnd.Next(5, 90) * 60_000L;
            }
        }

        private static MeterReading Reading(long energyWh) => TxHarness.Reading(energyWh);

        /// <summary>Moves frames both ways, connects and disconnects the CSMS end, injects CSMS faults.</summary>
        private void Pump()
        {
            LoopbackServerEnd server = _socket.Server;
            if (server.HasPendingOpen)
            {
                if (_networkUp)
                {
                    server.Accept();
                }
                else
                {
                    server.Refuse(1006, "network unreachable");
                }
            }

            if (server.IsOpen && !_csmsConnected)
            {
                _csms.OnConnected(StationId, "ocpp2.0.1", null, null);
                _csmsConnected = true;
            }
            else if (!server.IsOpen && _csmsConnected)
            {
                _csms.OnDisconnected(StationId);
                _csmsConnected = false;
            }

            string frame;
            while ((frame = server.TakeReceived()) != null)
            {
                if (!_csmsConnected)
                {
                    continue;
                }

                if (InjectFault(frame))
                {
                    continue;
                }

                _csms.OnFrame(StationId, frame);
            }
        }

        private bool InjectFault(string frame)
        {
            if (!_networkUp || _outageEndMs < 0)
            {
                return false;
            }

            using var doc = JsonDocument.Parse(frame);
            var root = doc.RootElement;
            if (root[0].GetInt32() != 2 || root[2].GetString() != "TransactionEvent" || _nextOutageMs == long.MaxValue)
            {
                return false;
            }

            var payload = root[3];
            string key = payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString() + "/" + payload.GetProperty("seqNo").GetInt32();
            _faultsPerMessage.TryGetValue(key, out int faults);
            // Never MessageAttempts failures in a row for one message: E13.FR.04 would rightly discard it.
            if (faults >= MessageAttempts - 2)
            {
                return false;
            }

            int roll = _rnd.Next(1000);
            if (roll < 25)
            {
                _faultsPerMessage[key] = faults + 1;
                _report.CsmsErrors++;
                _socket.Server.Send("[4,\"" + root[1].GetString() + "\",\"InternalError\",\"injected\",{}]");
                return true;
            }

            if (roll < 40)
            {
                _faultsPerMessage[key] = faults + 1;
                _report.CsmsSilences++;
                return true; // the CSMS never saw it: the station times out
            }

            if (roll < 55)
            {
                _faultsPerMessage[key] = faults + 1;
                _report.AnswersLost++;
                _suppressNextAnswer = true; // the CSMS records it, its answer is lost
            }

            return false;
        }

        private void OnCsmsFrame(string stationId, string frame)
        {
            if (_suppressNextAnswer && frame.StartsWith("[3"))
            {
                _suppressNextAnswer = false;
                return;
            }

            if (_socket.Server.IsOpen)
            {
                _socket.Server.Send(frame);
            }
        }

        private void Remember()
        {
            TransactionService tx = _station.Transactions;
            for (int e = 1; e <= tx.EvseCount; e++)
            {
                string id = tx.TransactionIdOf(e);
                if (id != null)
                {
                    _stationTransactions.Add(id);
                }
            }

            foreach (var m in tx.Queue.Snapshot())
            {
                if (m.TransactionId != null)
                {
                    _stationTransactions.Add(m.TransactionId);
                }
            }
        }

        public Report Check()
        {
            Report r = _report;
            r.VirtualMs = _clock.NowMs;
            r.QueueDiscarded = _queueDiscarded + _station.Transactions.Queue.DiscardedCount;
            r.QueueThinned = _queueThinned + _station.Transactions.Queue.DroppedUpdatedCount;
            r.Messages = _csms.CountReceivedCalls("TransactionEvent");

            var records = _csms.Transactions.Where(t => t.StationId == StationId).ToList();
            r.Transactions = records.Count;
            foreach (string id in _stationTransactions)
            {
                if (records.All(t => t.TransactionId != id))
                {
                    r.Lost++;
                }
            }

            foreach (TransactionRecord t in records)
            {
                if (!_stationTransactions.Contains(t.TransactionId))
                {
                    r.Phantom++;
                }

                var firsts = new Dictionary<int, TransactionEventRecord>();
                foreach (TransactionEventRecord ev in t.Events)
                {
                    if (ev.Offline)
                    {
                        r.OfflineEvents++;
                    }

                    if (!ev.Duplicate)
                    {
                        firsts[ev.SeqNo] = ev;
                        continue;
                    }

                    TransactionEventRecord first = firsts[ev.SeqNo];
                    if (first.EventType == ev.EventType && first.Timestamp == ev.Timestamp && first.TriggerReason == ev.TriggerReason)
                    {
                        r.Redelivered++;
                    }
                    else
                    {
                        r.Duplicated++;
                    }
                }

                int started = firsts.Values.Count(ev => ev.EventType == "Started");
                var ended = firsts.Values.Where(ev => ev.EventType == "Ended").ToList();
                bool complete = started == 1 && ended.Count == 1 && t.MissingSeqNos.Count == 0
                    && firsts.ContainsKey(0) && firsts[0].EventType == "Started"
                    && ended[0].SeqNo == firsts.Keys.Max();
                if (!complete)
                {
                    r.Incomplete++;
                    Console.WriteLine("incomplete: " + t + " missing " + string.Join(",", t.MissingSeqNos) + " seqs "
                        + string.Join(",", t.Events.Select(ev => ev.SeqNo + ev.EventType[0].ToString() + (ev.Duplicate ? "d" : ""))));
                }

                if (!t.EnergyNeverDecreases)
                {
                    r.EnergyDecreases++;
                }

                if (t.StoppedReason == "PowerLoss")
                {
                    r.PowerLossEnded++;
                }
            }

            return r;
        }
    }
}
