using System.Collections.Generic;
using System.Linq;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Ocpp.Transactions;
using Xunit.Abstractions;

namespace Charger.Ocpp.Tests.Transactions;

/// <summary>
/// A seeded, deterministic simulation of the storage side of issue 6: two EVSEs charging for
/// weeks of virtual time, network outages from seconds to days, CSMS CALLERRORs and timeouts
/// (some after the CSMS processed the message), and power cuts at random points, many in the
/// middle of a file write. The CSMS model checks every transaction: one Started, one Ended,
/// seqNos from 0 without gaps or conflicting duplicates, energy never decreasing, offline flags
/// right, and no event lost. A failing seed is a test case forever: add it to the InlineData.
/// </summary>
public class TransactionSimulationTests
{
    private const long TickMs = 10_000;
    private const long UpdateIntervalMs = 15 * 60_000;
    private const int WhPerTick = 19; // about 7 kW

    private readonly ITestOutputHelper _output;

    public TransactionSimulationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private sealed class CountingLog : ILog
    {
        public int Errors;

        public void Write(LogLevel level, string component, string message)
        {
            if (level == LogLevel.Error && component == "TxQueue")
            {
                Errors++;
            }
        }
    }

    private sealed class Evse
    {
        public bool Charging;
        public long SessionEndMs;
        public long NextUpdateMs;
        public long MeterWh;
    }

    private sealed class Received
    {
        public string Type;
        public long EnergyWh;
        public bool Offline;
        public string Body;
    }

    private sealed class Simulation
    {
        private readonly MemoryFileStore _store = new(capacityBytes: 2 * 1024 * 1024);
        private readonly SeededRandom _rnd;
        private readonly CountingLog _log = new();
        private readonly TransactionQueueConfig _queueConfig = new() { MaxMessages = 4000, MaxBytes = 1024 * 1024, MessageAttempts = 6, MessageAttemptIntervalS = 30 };
        private readonly Evse[] _evses = { new(), new() };
        private TransactionEventQueue _queue;
        private TransactionJournal _journal;
        private bool _online = true;
        private long _nowMs;
        private long _nextOutageMs;
        private long _outageEndMs;

        public readonly Dictionary<(string Tx, int SeqNo), Received> Csms = new();
        public readonly HashSet<(string Tx, int SeqNo)> Appended = new();
        public readonly HashSet<(string Tx, int SeqNo)> AppendedOffline = new();
        public readonly HashSet<string> Begun = new();
        public int Sessions, Outages, PowerCuts, CutsInsideWrites, MessagesSent, CsmsErrors, Timeouts, Resent, ConflictingDuplicates;
        public long Dropped, Discarded;
        public long LongestOutageMs;

        public Simulation(ulong seed)
        {
            _rnd = new SeededRandom(seed);
            _nextOutageMs = _rnd.Next(600, 86_400) * 1000L;
            Boot();
        }

        public void Run(long durationMs)
        {
            long end = _nowMs + durationMs;
            while (_nowMs < end)
            {
                try
                {
                    Tick();
                }
                catch (PowerCutException)
                {
                    Reboot();
                }
            }

            // Wind down: power stays on, the network comes back, every session ends and everything is delivered.
            _store.RestorePower();
            _online = true;
            _nextOutageMs = long.MaxValue;
            for (int evse = 0; evse < _evses.Length; evse++)
            {
                if (_evses[evse].Charging)
                {
                    Append(evse, TransactionEventType.Ended, _evses[evse].MeterWh);
                    _evses[evse].Charging = false;
                }
            }

            while (!_queue.IsEmpty)
            {
                _nowMs += TickMs;
                Deliver(int.MaxValue, faults: false);
            }

            Dropped += _queue.DroppedUpdatedCount;
            Discarded += _queue.DiscardedCount;
        }

        private void Tick()
        {
            _nowMs += TickMs;
            UpdateNetwork();
            MaybeArmPowerCut();
            for (int evse = 0; evse < _evses.Length; evse++)
            {
                Charge(evse);
            }

            if (_online)
            {
                Deliver(5, faults: true);
            }
        }

        private void UpdateNetwork()
        {
            if (_online && _nowMs >= _nextOutageMs)
            {
                _online = false;
                Outages++;
                int kind = _rnd.Next(10);
                long lengthMs = kind < 6 ? _rnd.Next(10, 300) * 1000L
                    : kind < 9 ? _rnd.Next(300, 6 * 3600) * 1000L
                    : _rnd.Next(6 * 3600, 3 * 86_400) * 1000L;
                LongestOutageMs = System.Math.Max(LongestOutageMs, lengthMs);
                _outageEndMs = _nowMs + lengthMs;
                _queue.ReleaseInFlight();
                _queue.MarkAllOffline(m => m.Payload.Substring(0, m.Payload.Length - 1) + "1"); // E11.FR.07
            }
            else if (!_online && _nowMs >= _outageEndMs)
            {
                _online = true;
                _nextOutageMs = _nowMs + _rnd.Next(600, 2 * 86_400) * 1000L;
            }
        }

        private void MaybeArmPowerCut()
        {
            if (!_rnd.Chance(1) || _rnd.Next(5) != 0)
            {
                return;
            }

            if (_rnd.Next(3) == 0)
            {
                _store.CutPowerNow();
            }
            else
            {
                _store.CutPowerAtWrite(_rnd.Next(1, 8), _rnd.Next(2) == 0);
                CutsInsideWrites++;
            }
        }

        private void Charge(int evse)
        {
            Evse e = _evses[evse];
            if (!e.Charging)
            {
                if (_rnd.Next(360) == 0)
                {
                    var tx = _journal.Begin(evse + 1, 1, "04A1B2C3", "ISO14443", 1_700_000_000_000 + _nowMs, e.MeterWh);
                    Begun.Add(tx.TransactionId);
                    Sessions++;
                    e.Charging = true;
                    e.SessionEndMs = _nowMs + _rnd.Next(600, 8 * 3600) * 1000L;
                    e.NextUpdateMs = _nowMs + UpdateIntervalMs;
                    Append(evse, TransactionEventType.Started, e.MeterWh);
                }

                return;
            }

            e.MeterWh += WhPerTick;
            if (_nowMs >= e.SessionEndMs)
            {
                Append(evse, TransactionEventType.Ended, e.MeterWh);
                e.Charging = false;
            }
            else if (_nowMs >= e.NextUpdateMs)
            {
                Append(evse, TransactionEventType.Updated, e.MeterWh);
                e.NextUpdateMs += UpdateIntervalMs;
            }
        }

        private void Append(int evse, TransactionEventType type, long energyWh)
        {
            var tx = _journal.Get(evse + 1);
            int seqNo = _journal.NextSeqNo(evse + 1);
            string body = tx.TransactionId + "|" + seqNo + "|" + type + "|" + energyWh + "|";
            var queued = _journal.Append(evse + 1, type, seqNo, energyWh, !_online, body + (_online ? "0" : "1"));
            if (queued != null)
            {
                Appended.Add((tx.TransactionId, seqNo));
                if (!_online)
                {
                    AppendedOffline.Add((tx.TransactionId, seqNo));
                }
            }
        }

        private void Deliver(int budget, bool faults)
        {
            for (int i = 0; i < budget; i++)
            {
                var m = _queue.NextToSend(_nowMs);
                if (m == null)
                {
                    return;
                }

                _queue.MarkSent(m.QueueSeq);
                MessagesSent++;
                int roll = faults ? _rnd.Next(100) : 99;
                if (roll < 3)
                {
                    CsmsErrors++;
                    _queue.Fail(m.QueueSeq, _nowMs, "CALLERROR InternalError");
                }
                else if (roll < 6)
                {
                    Timeouts++;
                    if (roll == 5)
                    {
                        Receive(m); // processed, but the answer was lost
                    }

                    _queue.Fail(m.QueueSeq, _nowMs, "no answer within MessageTimeout");
                }
                else
                {
                    Receive(m);
                    _queue.Confirm(m.QueueSeq);
                }
            }
        }

        private void Receive(QueuedMessage m)
        {
            var parts = m.Payload.Split('|');
            var key = (m.TransactionId, m.SeqNo);
            var body = string.Join("|", parts.Take(4));
            if (Csms.TryGetValue(key, out var earlier))
            {
                if (earlier.Body == body)
                {
                    Resent++;
                }
                else
                {
                    ConflictingDuplicates++;
                }

                return;
            }

            Csms[key] = new Received { Type = parts[2], EnergyWh = long.Parse(parts[3]), Offline = parts[4] == "1", Body = body };
        }

        private void Reboot()
        {
            while (true)
            {
                PowerCuts++;
                Dropped += _queue.DroppedUpdatedCount;
                Discarded += _queue.DiscardedCount;
                _store.RestorePower();
                if (_rnd.Next(5) == 0)
                {
                    _store.CutPowerAtWrite(_rnd.Next(1, 4), _rnd.Next(2) == 0); // fail again while recovering
                    CutsInsideWrites++;
                }

                try
                {
                    Boot();
                    return;
                }
                catch (PowerCutException)
                {
                }
            }
        }

        private void Boot()
        {
            _queue = new TransactionEventQueue(_store, _log, _queueConfig);
            _queue.Load();
            _journal = new TransactionJournal(_store, _rnd, _log, _queue);
            foreach (var e in _evses)
            {
                e.Charging = false; // a power cut ends the session on the EV side too
            }

            foreach (var tx in _journal.Load())
            {
                Begun.Add(tx.TransactionId);
                var decision = PowerLossRecovery.Decide(tx, new PowerLossConfig(), evStillConnected: false, outageMs: -1);
                if (decision.NeedsStartedEvent)
                {
                    Append(tx.EvseId - 1, TransactionEventType.Started, decision.EnergyWh);
                }

                Append(tx.EvseId - 1, TransactionEventType.Ended, decision.EnergyWh);
            }
        }
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(20261121UL)]
    public void HundredsOfSessionsThroughOutagesErrorsAndPowerCutsLoseAndDuplicateNothing(ulong seed)
    {
        var sim = new Simulation(seed);
        sim.Run(60L * 86_400_000);

        int lost = sim.Appended.Count(key => !sim.Csms.ContainsKey(key));
        var byTx = sim.Csms.GroupBy(e => e.Key.Tx).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Key.SeqNo).ToList());
        int malformed = 0;
        foreach (var (tx, events) in byTx)
        {
            bool ok = events.Select(e => e.Key.SeqNo).SequenceEqual(Enumerable.Range(0, events.Count))
                && events[0].Value.Type == "Started"
                && events.Count(e => e.Value.Type == "Started") == 1
                && events.Count(e => e.Value.Type == "Ended") == 1
                && events[^1].Value.Type == "Ended";
            for (int i = 1; i < events.Count; i++)
            {
                ok &= events[i].Value.EnergyWh >= events[i - 1].Value.EnergyWh;
            }

            if (!ok)
            {
                malformed++;
                _output.WriteLine("malformed " + tx + ": " + string.Join(", ", events.Select(e => e.Key.SeqNo + ":" + e.Value.Type)));
            }
        }

        int unreported = sim.Begun.Count(tx => !byTx.ContainsKey(tx));
        int wrongOfflineFlag = sim.AppendedOffline.Count(key => sim.Csms.TryGetValue(key, out var r) && !r.Offline);

        _output.WriteLine($"seed {seed}: sessions {sim.Sessions}, transactions {byTx.Count}, outages {sim.Outages} (longest {sim.LongestOutageMs / 3_600_000.0:F1} h), "
            + $"power cuts {sim.PowerCuts} ({sim.CutsInsideWrites} armed inside writes), messages sent {sim.MessagesSent}, CSMS errors {sim.CsmsErrors}, timeouts {sim.Timeouts}, "
            + $"events {sim.Csms.Count}, resent after a lost answer {sim.Resent}, lost = {lost}, duplicated = {sim.ConflictingDuplicates}, malformed = {malformed}, "
            + $"dropped Updated {sim.Dropped}, discarded {sim.Discarded}");

        Assert.True(sim.Sessions >= 200, "only " + sim.Sessions + " sessions");
        Assert.True(sim.PowerCuts >= 20, "only " + sim.PowerCuts + " power cuts");
        Assert.True(sim.Outages >= 20, "only " + sim.Outages + " outages");
        Assert.Equal(0, lost);
        Assert.Equal(0, sim.ConflictingDuplicates);
        Assert.Equal(0, malformed);
        Assert.Equal(0, unreported);
        Assert.Equal(0, wrongOfflineFlag);
        Assert.Equal(0, sim.Discarded);
        Assert.Equal(0, sim.Dropped);
    }
}
