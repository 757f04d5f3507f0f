using System.Linq;
using Charger.Sim.Models.Csms;
using Xunit.Abstractions;

namespace Charger.Sim.Tests.Csms
{
    /// <summary>
    /// The session record the CSMS keeps per transaction is what scenarios and the issue 6 soak
    /// judge the station by: Started/Updated/Ended counts, seqNo gaps and duplicates (E01-E03:
    /// seqNo counts up from 0 per transaction), offline flags, energy never decreasing.
    /// </summary>
    public sealed class TransactionRecordTests
    {
        private readonly ITestOutputHelper _output;

        public TransactionRecordTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void CompleteSessionIsRecordedWithCountsEnergyAndStoppedReason()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Started", 0, "TX-1", "Authorized", 1000,
                idToken: "RFID-0001", chargingState: "EVConnected"));
            harness.Clock.Advance(60_000);
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Updated", 1, "TX-1", "MeterValuePeriodic", 1500,
                chargingState: "Charging"));
            harness.Clock.Advance(60_000);
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Ended", 2, "TX-1", "EVDeparted", 2250,
                stoppedReason: "EVDisconnected"));

            TransactionRecord tx = harness.Csms.FindTransaction("TX-1");
            Assert.Equal(1, tx.StartedCount);
            Assert.Equal(1, tx.UpdatedCount);
            Assert.Equal(1, tx.EndedCount);
            Assert.True(tx.Ended);
            Assert.True(harness.Csms.IsTransactionEnded("TX-1"));
            Assert.True(tx.IsComplete);
            Assert.Equal("RFID-0001", tx.IdToken);
            Assert.Equal("EVDisconnected", tx.StoppedReason);
            Assert.Equal(1, tx.EvseId);
            Assert.Equal(3, tx.EnergyReadings.Count);
            Assert.Equal(1250, tx.EnergyDeliveredWh, 6);
            Assert.True(tx.EnergyNeverDecreases);
            Assert.Equal(0, tx.FirstEventAtMs);
            Assert.Equal(120_000, tx.LastEventAtMs);
            Assert.Equal(3, harness.Csms.CountTransactionEvents());
            Assert.Equal(1, harness.Csms.CountTransactionEvents(CsmsHarness.StationId, "Updated"));
        }

        [Fact]
        public void SeqNoGapIsDetectedAndNamesTheMissingNumbers()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Started", 0, "TX-2", "Authorized"));
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Updated", 1, "TX-2", "MeterValuePeriodic"));
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Ended", 4, "TX-2", "EVDeparted"));

            TransactionRecord tx = harness.Csms.FindTransaction("TX-2");
            Assert.True(tx.HasSeqNoGap);
            Assert.Equal(new[] { 2, 3 }, tx.MissingSeqNos.ToArray());
            Assert.False(tx.IsComplete);
            Assert.Equal(2, harness.Csms.MissingSeqNoCount);
            Assert.False(tx.HasDuplicate);
        }

        [Fact]
        public void SeqNoNotStartingAtZeroIsAGap()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Started", 1, "TX-3", "Authorized"));

            Assert.Equal(new[] { 0 }, harness.Csms.FindTransaction("TX-3").MissingSeqNos.ToArray());
        }

        [Fact]
        public void DuplicateSeqNoIsDetectedAndItsEnergyNotCountedTwice()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Started", 0, "TX-4", "Authorized", 100));
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Updated", 1, "TX-4", "MeterValuePeriodic", 200));
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Updated", 1, "TX-4", "MeterValuePeriodic", 200));
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Ended", 2, "TX-4", "EVDeparted", 300));

            TransactionRecord tx = harness.Csms.FindTransaction("TX-4");
            Assert.True(tx.HasDuplicate);
            Assert.Equal(new[] { 1 }, tx.DuplicateSeqNos.ToArray());
            Assert.Equal(1, harness.Csms.DuplicateEventCount);
            Assert.Equal(2, tx.UpdatedCount);
            Assert.True(tx.Events[2].Duplicate);
            Assert.Equal(3, tx.EnergyReadings.Count);
            Assert.False(tx.HasSeqNoGap);
            Assert.False(tx.IsComplete);
        }

        [Fact]
        public void SecondStartedForTheSameTransactionMakesItIncomplete()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Started", 0, "TX-5", "Authorized"));
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Started", 1, "TX-5", "Authorized"));
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Ended", 2, "TX-5", "EVDeparted"));

            TransactionRecord tx = harness.Csms.FindTransaction("TX-5");
            Assert.Equal(2, tx.StartedCount);
            Assert.False(tx.IsComplete);
        }

        [Fact]
        public void EnergyGoingBackwardsInSeqNoOrderIsDetectedEvenWhenDeliveredOutOfOrder()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Started", 0, "TX-6", "Authorized", 500));
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Updated", 2, "TX-6", "MeterValuePeriodic", 900));
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Updated", 1, "TX-6", "MeterValuePeriodic", 700));
            TransactionRecord tx = harness.Csms.FindTransaction("TX-6");
            bool monotonicSoFar = tx.EnergyNeverDecreases;
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Ended", 3, "TX-6", "EVDeparted", 650));

            Assert.True(monotonicSoFar);
            Assert.Equal(1, tx.OutOfOrderCount);
            Assert.False(tx.EnergyNeverDecreases);
            Assert.False(harness.Csms.EnergyNeverDecreases);
        }

        [Fact]
        public void OfflineFlaggedEventsAreCounted_E12()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Started", 0, "TX-7", "Authorized"));
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Updated", 1, "TX-7", "MeterValuePeriodic", offline: true));
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Ended", 2, "TX-7", "EVDeparted", offline: true));

            TransactionRecord tx = harness.Csms.FindTransaction("TX-7");
            Assert.Equal(2, tx.OfflineEventCount);
            Assert.True(tx.Events[1].Offline);
            Assert.False(tx.Events[0].Offline);
        }

        [Fact]
        public void RemoteStartIdIsLinkedToTheTransaction_F01()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Started", 0, "TX-8", "RemoteStart", remoteStartId: 42));

            Assert.Equal(42, harness.Csms.FindTransaction("TX-8").RemoteStartId);
        }

        [Fact]
        public void SameTransactionIdAtTwoStationsIsTwoTransactions()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot("CP-A");
            harness.ConnectAndBoot("CP-B");

            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Started", 0, "TX-1", "Authorized"), "CP-A");
            harness.Request("TransactionEvent", CsmsHarness.TransactionEvent("Started", 0, "TX-1", "Authorized"), "CP-B");

            Assert.Equal(2, harness.Csms.Transactions.Count);
            Assert.False(harness.Csms.Transaction("CP-A", "TX-1").HasDuplicate);
            Assert.Same(harness.Csms.Transaction("CP-B", "TX-1"), harness.Csms.LatestTransaction("CP-B"));
        }
    }
}
