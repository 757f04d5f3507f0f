using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Charger.Sim.Reporting;

namespace Charger.Sim.Tests.Scenarios;

public class EventLogTests
{
    [Fact]
    public void EveryEventIsOneJsonLineWithTimestampKindAndFields()
    {
        var sink = new StringWriter();
        using var log = new EventLog(sink);
        log.Add(1200, SimEventKinds.Pilot, "B -> C", ("from", "B"), ("to", "C"));
        log.Add(1210, SimEventKinds.Offer, "offer 16 A", ("offerA", 16.0), ("dutyPermille", 267));
        log.Add(1220, SimEventKinds.ContactorCommand, "close", ("closed", true));
        log.Add(1230, SimEventKinds.OcppOut, "[2,\"1\",\"Heartbeat\",{}]", ("action", "Heartbeat"), ("note", null));

        var lines = sink.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        var docs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(1200, docs[0].GetProperty("tMs").GetInt64());
        Assert.Equal("pilot", docs[0].GetProperty("kind").GetString());
        Assert.Equal("C", docs[0].GetProperty("to").GetString());
        Assert.Equal(16.0, docs[1].GetProperty("offerA").GetDouble());
        Assert.True(docs[2].GetProperty("closed").GetBoolean());
        Assert.Equal("[2,\"1\",\"Heartbeat\",{}]", docs[3].GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, docs[3].GetProperty("note").ValueKind);
        Assert.Equal(1, log.Count(SimEventKinds.Offer));
    }

    [Fact]
    public void TimelineShowsStateChangesAndHidesFramesUnlessAsked()
    {
        var quiet = new StringWriter();
        var verbose = new StringWriter();
        var log = new EventLog();
        log.Added += new Timeline(quiet, showFrames: false).Print;
        log.Added += new Timeline(verbose, showFrames: true).Print;
        log.Add(3_723_004, SimEventKinds.Fault, "RcdTripped: residual current");
        log.Add(3_723_010, SimEventKinds.OcppOut, "TransactionEvent Updated");

        Assert.Equal(" 1:02:03.004  fault      RcdTripped: residual current" + Environment.NewLine, quiet.ToString());
        Assert.Contains("ocpp >     TransactionEvent Updated", verbose.ToString());
    }
}
