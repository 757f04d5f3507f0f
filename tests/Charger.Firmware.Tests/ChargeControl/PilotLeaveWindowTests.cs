using Charger.Firmware.Pilot;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>
/// Issue 12 item 7: leaving C is decided by a bounded window; bursts that read C again cannot hold
/// the contactor closed, and a real C to B still opens within 30 ms.
/// </summary>
public class PilotLeaveWindowTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void InterleavedBurstsThatReadCAgainCannotHoldTheContactorClosed(int period)
    {
        // The EV is really in B; every period-th burst is tampered to read C.
        var rig = new ChargerRig();
        rig.StartCharging();
        Assert.True(rig.Coil.State);
        long leftAtMs = -1;
        int ticks = 0;
        for (int i = 0; i < 200 && rig.Coil.State; i++)
        {
            rig.Ev.EvState = i % period == period - 1 ? EvPilotState.C : EvPilotState.B;
            if (leftAtMs < 0 && rig.Ev.EvState == EvPilotState.B)
            {
                leftAtMs = rig.NowMs + ChargerRig.TickMs;
            }

            rig.Tick();
            ticks++;
        }

        Assert.False(rig.Coil.State, $"still closed after {ticks} ticks of interleaved bursts");
        Assert.True(rig.NowMs - leftAtMs <= 100, $"opened {rig.NowMs - leftAtMs} ms after the first B burst");
    }

    [Fact]
    public void ARealCToBStillOpensWithin30Ms()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Ev.EvState = EvPilotState.B;
        int ticks = rig.TicksUntil(() => !rig.Coil.State, 10);
        Assert.InRange(ticks, 1, 3);
        Assert.Equal(PilotLevel.B, rig.Controller.PilotLevel);
    }

    [Fact]
    public void OneGlitchedBurstInCDoesNotOpenTheContactor()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.Ev.EvState = EvPilotState.B;
        rig.Tick();
        rig.Ev.EvState = EvPilotState.C;
        for (int i = 0; i < 50; i++)
        {
            rig.Tick();
            Assert.True(rig.Coil.State, $"opened {i} ticks after a single glitched burst");
        }

        Assert.Equal(PilotLevel.C, rig.Controller.PilotLevel);
    }
}
