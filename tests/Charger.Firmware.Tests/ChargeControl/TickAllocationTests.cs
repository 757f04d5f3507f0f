using System;
using Charger.Firmware.Charging;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>
/// The control loop must not allocate in steady state (style guide: no allocation in the control
/// loop; the device's GC pauses would eat into the 30 ms reaction budget). Measured with the
/// runtime's per-thread allocation counter, not with timings.
/// </summary>
public class TickAllocationTests
{
    [Theory]
    [InlineData("A")]
    [InlineData("B2")]
    [InlineData("C2")]
    public void SteadyStateTicksAllocateNothing(string state)
    {
        var rig = new ChargerRig();
        switch (state)
        {
            case "A":
                rig.RunMs(100);
                Assert.Equal(IecState.A, rig.Controller.State);
                break;
            case "B2":
                rig.Ev.EvState = EvPilotState.B;
                rig.Controller.SetAuthorized(true);
                rig.RunMs(100);
                Assert.Equal(IecState.B2, rig.Controller.State);
                break;
            default:
                rig.StartCharging();
                rig.Controller.ReportMeter(rig.NowMs, true, 20.0, 20.0, 20.0);
                Assert.Equal(IecState.C2, rig.Controller.State);
                break;
        }

        // Warm up JIT paths, then measure.
        for (int i = 0; i < 200; i++)
        {
            rig.Clock.Advance(ChargerRig.TickMs);
            rig.Runtime.Tick(rig.Clock.NowMs);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            rig.Clock.Advance(ChargerRig.TickMs);
            rig.Runtime.Tick(rig.Clock.NowMs);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
