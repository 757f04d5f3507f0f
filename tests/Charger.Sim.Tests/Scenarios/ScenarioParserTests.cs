using System;
using System.Collections.Generic;
using System.Linq;
using Charger.Sim.Scenarios;

namespace Charger.Sim.Tests.Scenarios;

public class ScenarioParserTests
{
    [Fact]
    public void ParsesAbsoluteAndRelativeTimesCommentsAndBlankLines()
    {
        var s = ScenarioParser.Parse("t", """
            # a normal RFID session
            0s      plug 32A
            +1s     ev charge       # the car wants energy

            +500ms  swipe RFID-0001
            1m30s   ev pause
            +2h     unplug
            """);

        Assert.Equal(new long[] { 0, 1000, 1500, 90_000, 7_290_000 }, s.Steps.Select(x => x.AtMs));
        Assert.Equal(new[] { "plug", "ev", "swipe", "ev", "unplug" }, s.Steps.Select(x => x.Verb));
        Assert.Equal(new[] { "RFID-0001" }, s.Steps[2].Args);
        Assert.Equal(5, s.Steps[2].LineNumber);
    }

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("1.5s", 1500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("0s", 0)]
    public void ParsesDurations(string text, long expectedMs)
    {
        Assert.Equal(expectedMs, ScenarioParser.ParseDuration(1, text, "a duration"));
    }

    [Fact]
    public void ExpectationsCarryTheirSubjectComparisonAndDeadline()
    {
        var s = ScenarioParser.Parse("t", """
            0s expect contactor open within 100ms
            0s expect pilot C within 2s
            0s expect offer <= 16A
            0s expect offer 32A
            0s expect energy >= 5kWh within 2h
            0s expect temp connector < 65C
            0s expect fault RcdTripped present
            0s expect fault none
            0s expect transaction ended within 10s
            0s expect csms received 1 TransactionEvent:Ended
            0s expect csms received >= 3 MeterValues
            0s expect connection offline
            """);

        var e = s.Steps.Select(x => x.Expect).ToArray();
        Assert.Equal((ExpectSubject.Contactor, "open", 100L), (e[0].Subject, e[0].Word, e[0].WithinMs));
        Assert.Equal((ExpectSubject.Pilot, "C", 2000L), (e[1].Subject, e[1].Word, e[1].WithinMs));
        Assert.Equal((CompareOp.LessOrEqual, 16.0), (e[2].Op, e[2].Value));
        Assert.Equal((CompareOp.Equal, 32.0), (e[3].Op, e[3].Value));
        Assert.Equal((ExpectSubject.Energy, CompareOp.GreaterOrEqual, 5000.0, 7_200_000L), (e[4].Subject, e[4].Op, e[4].Value, e[4].WithinMs));
        Assert.Equal(("connector", CompareOp.Less, 65.0), (e[5].Name, e[5].Op, e[5].Value));
        Assert.Equal(("RcdTripped", "present"), (e[6].Name, e[6].Word));
        Assert.Equal("none", e[7].Word);
        Assert.Equal(("ended", 10_000L), (e[8].Word, e[8].WithinMs));
        Assert.Equal(("TransactionEvent:Ended", CompareOp.Equal, 1.0), (e[9].Name, e[9].Op, e[9].Value));
        Assert.Equal(("MeterValues", CompareOp.GreaterOrEqual, 3.0), (e[10].Name, e[10].Op, e[10].Value));
        Assert.Equal((ExpectSubject.Connection, "offline"), (e[11].Subject, e[11].Word));
    }

    [Theory]
    [InlineData("0s plug 40A", 1, "plug takes an optional cable rating 13A, 20A, 32A, 63A or tethered, got '40A'")]
    [InlineData("0s plug\nsoon unplug", 2, "expected a step time like 0s, +5s or 1m30s, got 'soon'")]
    [InlineData("5s plug\n2s unplug", 2, "steps must not go back in time: 2s is before the previous step at 5s")]
    [InlineData("0s dance", 1, "unknown verb 'dance'")]
    [InlineData("0s ev fly", 1, "ev takes one of charge, pause, ventilate, error, diode-fault, ok, got 'fly'")]
    [InlineData("0s expect contactor open within soon", 1, "expected a deadline like 100ms or 3s after 'within', got 'soon'")]
    [InlineData("0s expect offer lots", 1, "expected expect offer [=|<|<=|>|>=] <amps>A")]
    [InlineData("0s expect offer 16", 1, "(with unit A), got '16'")]
    [InlineData("0s expect csms got 3", 1, "expect csms received [op] <count> <Action>")]
    [InlineData("0s temp connector hot", 1, "expected a temperature like 70C (with unit C), got 'hot'")]
    [InlineData("0s swipe", 1, "swipe takes one idToken")]
    [InlineData("0s csms dance", 1, "csms takes one of remote-start")]
    [InlineData("0s weld now", 1, "weld takes no arguments, got 'now'")]
    [InlineData("0s expect", 1, "expect needs a subject")]
    [InlineData("0s expect pilot G", 1, "expect pilot takes one of A, B, C, D, E, F, got 'G'")]
    [InlineData("0s expect contactor open within 1s extra", 1, "'within' must end the line")]
    [InlineData("# only a comment", 1, "the scenario has no steps")]
    public void MistakesNameTheLineAndWhatWasExpected(string text, int line, string expected)
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("t", text));
        Assert.Equal(line, ex.LineNumber);
        Assert.StartsWith($"line {line}: ", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void ComparisonsHoldOnlyForTheirOperator()
    {
        var le = new Expectation(ExpectSubject.Offer, null, CompareOp.LessOrEqual, 16, null, 0);
        Assert.True(le.Holds(16));
        Assert.False(le.Holds(16.5));
        var gt = new Expectation(ExpectSubject.Offer, null, CompareOp.Greater, 6, null, 0);
        Assert.False(gt.Holds(6));
        Assert.True(gt.Holds(6.1));
    }

    [Fact]
    public void ScenarioEndIncludesTheLastDeadline()
    {
        var s = ScenarioParser.Parse("t", "0s plug\n+10s expect transaction ended within 30s\n+5s unplug");
        Assert.Equal(40_000, s.EndMs);
    }
}

public class CsmsCommandParsingTests
{
    [Theory]
    [InlineData("0s csms reset soon", "expected 'csms reset [immediate|onidle]', got 'csms reset soon'")]
    [InlineData("0s csms boot maybe", "expected 'csms boot accepted|pending|rejected', got 'csms boot maybe'")]
    [InlineData("0s csms set HeartbeatInterval 60", "expected 'csms set <Component>.<Variable> <value>'")]
    [InlineData("0s csms get OCPPCommCtrlr.HeartbeatInterval extra", "expected 'csms get <Component>.<Variable>'")]
    [InlineData("0s csms availability closed", "expected 'csms availability operative|inoperative'")]
    [InlineData("0s csms trigger Everything", "expected 'csms trigger BootNotification|Heartbeat|StatusNotification|MeterValues|TransactionEvent'")]
    [InlineData("0s csms remote-start", "expected 'csms remote-start <idToken>'")]
    [InlineData("0s csms local-list full zero RFID-1", "expected 'csms local-list full|diff <version> [idToken ...]'")]
    [InlineData("0s csms clear-cache now", "expected 'csms clear-cache', got 'csms clear-cache now'")]
    [InlineData("0s csms network-profile one ws://csms2.sim/ocpp", "expected 'csms network-profile <slot> ws://<host>/<path>|wss://<host>/<path>'")]
    [InlineData("0s csms network-profile 1 http://csms2.sim/ocpp", "expected 'csms network-profile <slot>")]
    [InlineData("0s csms address csms2.sim sideways", "expected 'csms address <host> up|down'")]
    [InlineData("0s expect network-profile first", "expect network-profile <slot>")]
    public void BadCsmsArgumentsAreRefusedBeforeTheRunNamingTheLine(string text, string expected)
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("t", text));
        Assert.Equal(1, ex.LineNumber);
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData("0s csms reset")]
    [InlineData("0s csms reset onidle")]
    [InlineData("0s csms boot pending")]
    [InlineData("0s csms set OCPPCommCtrlr.HeartbeatInterval 60")]
    [InlineData("0s csms trigger StatusNotification")]
    [InlineData("0s csms local-list diff 3 RFID-1 RFID-2")]
    [InlineData("0s csms unlock")]
    [InlineData("0s csms network-profile 1 wss://csms2.sim/ocpp")]
    [InlineData("0s csms address csms2.sim down")]
    [InlineData("0s expect network-profile 1 within 5s")]
    public void WellFormedCsmsCommandsParse(string text)
    {
        Assert.Single(ScenarioParser.Parse("t", text).Steps);
    }
}
