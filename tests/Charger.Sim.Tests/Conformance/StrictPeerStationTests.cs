using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Charger.Ocpp.DeviceModel;
using Charger.Sim.Realtime;
using Charger.Sim.Reporting;
using Charger.Sim.Scenarios;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Conformance;

/// <summary>
/// Issue 17 items 1 to 3 with the whole station (charge control, service stop, OCPP glue) over a
/// real socket against the strict ocpp-rpc CSMS: what a CSMS that resets or disables during a
/// charging session sees.
/// </summary>
[Trait("Category", "Interop")]
public class StrictPeerStationTests
{
    private static readonly string Id = new SimOptions().StationId;

    private sealed class Rig : IDisposable
    {
        private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(150));

        public Rig()
        {
            Peer = new StrictPeer();
            Sim = new SimulatedStation(new SimOptions { CsmsUrl = Peer.Url }, new EventLog());
            var vars = Sim.Station.Ocpp.Variables;
            Sim.Station.Ocpp.DeviceModel.SetPersistent(vars.RetryBackOffWaitMinimum, AttributeType.Actual, "1");
            Sim.Station.Ocpp.DeviceModel.SetPersistent(vars.RetryBackOffRandomRange, AttributeType.Actual, "0");
            Wall = new WallClockTarget(Sim, _stop.Token);
        }

        public StrictPeer Peer { get; }

        public SimulatedStation Sim { get; }

        public WallClockTarget Wall { get; }

        public void Step() => Wall.AdvanceTo(Sim.NowMs + 20);

        public void Run(string script)
        {
            var result = new ScenarioRunner(Wall).Run(ScenarioParser.Parse("t", script));
            Assert.True(result.Passed, string.Join("\n", result.Failures));
        }

        public void Charging()
        {
            Peer.WaitEvent(e => StrictPeer.Kind(e) == "call" && e.GetProperty("method").GetString() == "StatusNotification", TimeSpan.FromSeconds(15), Step);
            Run($"""
                {Sim.NowMs + 100}ms plug 32A
                +500ms ev charge
                +500ms swipe RFID-0001
                +0s    expect contactor closed within 5s
                """);
            Peer.WaitEvent(e => StrictPeer.Kind(e) == "call" && e.GetProperty("method").GetString() == "TransactionEvent", TimeSpan.FromSeconds(10), Step);
        }

        public JsonElement Call(string method, string payload)
        {
            var reply = Peer.WaitReply(Peer.Call(Id, method, payload), Step);
            Assert.True(reply.GetProperty("ok").GetBoolean(), reply.GetRawText());
            return reply.GetProperty("result");
        }

        public void Dispose()
        {
            Sim.Dispose();
            Peer.Dispose();
            _stop.Dispose();
        }
    }

    [Fact]
    public void StationResetOnIdleDuringChargingIsScheduledAgainstTheStrictPeer_B12_FR_01()
    {
        using var rig = new Rig();
        rig.Charging();
        Assert.Equal("Scheduled", rig.Call("Reset", "{\"type\":\"OnIdle\"}").GetProperty("status").GetString());
        rig.Wall.AdvanceTo(rig.Sim.NowMs + 2_000);
        Assert.Equal(0, rig.Sim.PowerCuts);
        Assert.True(rig.Sim.Contactor.IsClosed);

        rig.Run($"""
            {rig.Sim.NowMs}ms swipe RFID-0001
            +0s  expect contactor open within 5s
            """);
        rig.Peer.WaitEvent(e => StrictPeer.Kind(e) == "call" && e.GetProperty("method").GetString() == "BootNotification"
            && e.GetProperty("params").GetProperty("reason").GetString() == "RemoteReset", TimeSpan.FromSeconds(20), rig.Step);
        Assert.Equal(1, rig.Sim.PowerCuts);
        Assert.Empty(rig.Peer.StrictFailures(Id));
    }

    [Fact]
    public void StationInoperativeDuringChargingIsScheduledAgainstTheStrictPeer_G04_FR_06()
    {
        using var rig = new Rig();
        rig.Charging();
        Assert.Equal("Scheduled", rig.Call("ChangeAvailability", "{\"operationalStatus\":\"Inoperative\"}").GetProperty("status").GetString());
        rig.Wall.AdvanceTo(rig.Sim.NowMs + 2_000);
        Assert.True(rig.Sim.Contactor.IsClosed);
        Assert.Equal("Stopped", rig.Sim.Station.PresentIdToken("RFID-0001"));
        rig.Peer.WaitEvent(e => StrictPeer.Kind(e) == "call" && e.GetProperty("method").GetString() == "StatusNotification"
            && e.GetProperty("params").GetProperty("connectorStatus").GetString() == "Unavailable", TimeSpan.FromSeconds(15), rig.Step);
        Assert.Empty(rig.Peer.StrictFailures(Id));
    }

    [Fact]
    public void EveryRapidResetIsAnsweredBeforeTheStationGoesDown_B11_B12()
    {
        using var rig = new Rig();
        for (int round = 1; round <= 3; round++)
        {
            rig.Peer.WaitEvent(e => StrictPeer.Kind(e) == "call" && e.GetProperty("method").GetString() == "StatusNotification"
                && rig.Peer.CountCalls(Id, "BootNotification") == round, TimeSpan.FromSeconds(20), rig.Step);
            Assert.Equal("Accepted", rig.Call("Reset", "{\"type\":\"Immediate\"}").GetProperty("status").GetString());
            rig.Peer.WaitEvent(_ => rig.Peer.CountCalls(Id, "BootNotification") == round + 1, TimeSpan.FromSeconds(20), rig.Step);
        }

        Assert.Equal(3, rig.Sim.PowerCuts);
        Assert.Empty(rig.Peer.StrictFailures(Id));
    }
}
