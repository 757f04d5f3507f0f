using System;
using System.Linq;
using System.Text.Json;
using Charger.Sim.Models.Csms;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Conformance;

/// <summary>Issue 17 items 4 to 6: transaction events as the specification reads them.</summary>
public class TransactionConformanceTests
{
    private static SimulatedStation Run(string script, SimOptions options = null)
    {
        var sim = new SimulatedStation(options ?? new SimOptions(), new EventLog());
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", script));
        Assert.True(result.Passed, string.Join("\n", result.Failures));
        return sim;
    }

    private static JsonElement[] TransactionEvents(SimulatedStation sim) =>
        sim.Csms.FrameLog
            .Where(f => f.Direction == FrameDirection.In && f.MessageTypeId == 2 && f.Action == "TransactionEvent")
            .Select(f => JsonDocument.Parse(f.Frame).RootElement[3].Clone())
            .ToArray();

    [Fact]
    public void ContactorReadingClosedAtBootStartsNoTransaction_E01_FR_01()
    {
        // A welded contactor keeps its feedback closed through a power cut with the cable in.
        var sim = Run("""
            2s   plug 32A
            +1s  ev charge
            +1s  swipe RFID-0001
            +0s  expect transaction started within 3s
            +30s weld
            +1s  power-cut for 2s
            +30s expect transaction ended
            +1m  wait
            """);

        // Only the driver's transaction exists; nothing started without authorization.
        var tx = Assert.Single(sim.Csms.Transactions);
        Assert.Equal("PowerLoss", tx.StoppedReason);
        Assert.All(TransactionEvents(sim).Where(e => e.GetProperty("eventType").GetString() == "Started"),
            e => Assert.True(e.TryGetProperty("idToken", out _), "a transaction started without an idToken"));
    }

    [Fact]
    public void EndedAfterAPowerLossIsDatedAfterItsLastUpdatedNotAtItsStart_E13()
    {
        var sim = Run("""
            2s   plug 32A
            +1s  ev charge
            +1s  swipe RFID-0001
            +0s  expect transaction started within 3s
            +20m power-cut for 5s
            +1m  expect transaction ended
            +1m  wait
            """);

        var events = TransactionEvents(sim);
        DateTime Stamp(JsonElement e) => DateTime.Parse(e.GetProperty("timestamp").GetString(), null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var started = events.Single(e => e.GetProperty("eventType").GetString() == "Started");
        var ended = events.Single(e => e.GetProperty("eventType").GetString() == "Ended");
        var lastUpdated = events.Where(e => e.GetProperty("eventType").GetString() == "Updated").Max(Stamp);
        Assert.Equal("PowerLoss", ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString());
        Assert.True(Stamp(ended) > lastUpdated, $"Ended at {Stamp(ended):O}, last Updated at {lastUpdated:O}");
        Assert.True((Stamp(ended) - Stamp(started)).TotalMinutes >= 20, $"duration {(Stamp(ended) - Stamp(started))}");
        Assert.All(events, e => Assert.Equal(2026, Stamp(e).Year));
    }

    private static string State(JsonElement e) => e.TryGetProperty("transactionInfo", out var info) && info.TryGetProperty("chargingState", out var st) ? st.GetString() : null;

    [Fact]
    public void StartedSaysChargingWhileEnergyFlowsAndNoUpdatedRepeatsAnUnchangedState_E01_E02()
    {
        var sim = Run("""
            2s   plug 32A
            +1s  ev charge
            +1s  swipe RFID-0001
            +0s  expect transaction started within 3s
            +5m  ev pause
            +2m  ev charge
            +5m  swipe RFID-0001
            +10s unplug
            +1m  expect transaction ended
            """);

        var events = TransactionEvents(sim);
        var started = events.Single(e => e.GetProperty("eventType").GetString() == "Started");
        Assert.Equal("ChargingStateChanged", started.GetProperty("triggerReason").GetString());
        Assert.Equal("Charging", State(started));

        // Every ChargingStateChanged event reports a state different from the one before it.
        string previous = State(started);
        foreach (var e in events.Skip(1))
        {
            string state = State(e);
            if (e.GetProperty("triggerReason").GetString() == "ChargingStateChanged")
            {
                Assert.NotEqual(previous, state);
            }

            previous = state ?? previous;
        }
    }

    [Fact]
    public void EndedCausedByAnotherCardOfTheSameGroupCarriesThatCardsIdToken_E07_C09()
    {
        var sim = Run("""
            2s   plug 32A
            +1s  ev charge
            +1s  swipe RFID-0001
            +0s  expect transaction started within 3s
            +5m  swipe RFID-0002
            +0s  expect transaction ended within 5s
            +10s unplug
            +1m  wait
            """);

        var ended = TransactionEvents(sim).Single(e => e.GetProperty("eventType").GetString() == "Ended");
        Assert.Equal("StopAuthorized", ended.GetProperty("triggerReason").GetString());
        Assert.Equal("RFID-0002", ended.GetProperty("idToken").GetProperty("idToken").GetString());
    }

    [Fact]
    public void InvalidatedTransactionThatGoesOnIsReportedSuspendedEvseNotEvConnected_E05_StopTxOnInvalidIdFalse()
    {
        var sim = Run("""
            2s   plug 32A
            +1s  ev charge
            +1s  swipe RFID-0001
            +0s  expect transaction started within 3s
            +0s  csms set TxCtrlr.StopTxOnInvalidId false
            +1m  wait
            """);

        // The CSMS answers a transaction event with the token now Blocked (E05).
        sim.Station.Ocpp.Transactions.ApplyInvalidId(1, Charger.Ocpp.Authorization.AuthorizationStatus.Blocked, sim.NowMs);
        var result = new ScenarioRunner(sim).Run(ScenarioParser.Parse("t", $"""
            {sim.NowMs}ms expect contactor open within 5s
            +1m  expect transaction started
            """));
        Assert.True(result.Passed, string.Join("\n", result.Failures));

        var last = TransactionEvents(sim).Last();
        Assert.Equal("Updated", last.GetProperty("eventType").GetString());
        Assert.Equal("SuspendedEVSE", State(last));
    }
}
