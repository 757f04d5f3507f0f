using System;
using System.Threading;
using Charger.Firmware.Station;
using Charger.Sim.Models.Csms;
using Charger.Sim.Realtime;
using Charger.Sim.Reporting;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Conformance;

/// <summary>
/// Tests that step the station at wall-clock pace over real sockets or pseudo-terminals. They run
/// alone, not beside the CPU-heavy virtual-time tests, whose load would stretch their real time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WallClockCollection
{
    public const string Name = "Wall clock";
}

/// <summary>Issue 17 item 3: a Reset's answer reaches the CSMS before the station reboots, over a real socket.</summary>
[Collection(WallClockCollection.Name)]
public class RealSocketResetTests
{
    private static readonly string StationId = new SimOptions().StationId;

    [Fact]
    public void ResetResponseReachesTheCsmsOverARealSocketInRapidResets_B11_B12()
    {
        // The built-in CSMS on a real WebSocket, the station stepped at wall-clock pace.
        using var sim = new SimulatedStation(new SimOptions { RealSockets = true }, new EventLog());
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var wall = new WallClockTarget(sim, stop.Token);
        int boots = 0;
        for (int round = 0; round < 3; round++)
        {
            // Wait for the new boot, not only for "connected": right after a power cut the CSMS can
            // still hold the old socket open (under load it sees the close late), and a Reset sent
            // on that socket is lost with it.
            long deadline = sim.NowMs + 15_000;
            while (!Booted(sim, boots))
            {
                Assert.True(sim.NowMs < deadline, "round " + round + ": station did not connect and boot");
                wall.AdvanceTo(sim.NowMs + 50);
            }

            boots = sim.Csms.Station(StationId).BootCount;

            wall.AdvanceTo(sim.NowMs + 300);
            int cuts = sim.PowerCuts;
            var call = sim.Csms.Send(StationId, CsmsRequests.Reset("Immediate"));
            // The reboot waits for the OCPP drain at most RebootDrainMaxMs, then lingers RebootLingerMs
            // (ServiceStop): that, not less, is the bound on a real socket where a call may be in flight.
            deadline = sim.NowMs + ServiceStop.DefaultRebootDrainMaxMs + ServiceStop.DefaultRebootLingerMs + 3_000;
            while (sim.PowerCuts == cuts && sim.NowMs < deadline)
            {
                wall.AdvanceTo(sim.NowMs + 20);
            }

            wall.AdvanceTo(sim.NowMs + 200);
            Assert.True(sim.PowerCuts > cuts, "round " + round + ": the station did not reset (the Reset call is " +
                call.State + " " + call.ErrorCode + " " + call.ErrorDescription + ")");
            Assert.Equal(CsmsCallState.Completed, call.State);
            Assert.Equal("Accepted", call.ResultStatus);
        }
    }

    private static bool Booted(SimulatedStation sim, int bootsBefore)
    {
        var station = sim.Csms.Station(StationId);
        return station != null && station.Connected && station.BootCount > bootsBefore &&
            station.RegistrationStatus == "Accepted";
    }
}
