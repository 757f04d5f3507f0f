using Charger.Metering.Profiles;
using Charger.Metering.Service;

namespace Charger.Metering.Tests.Support;

/// <summary>Runs one meter-service poll of a profile against scripted answer frames on the loopback line.</summary>
public static class ProfileHarness
{
    public static (MeterService Service, MasterRig Rig) Poll(IMeterProfile profile, params byte[][] answers)
    {
        var rig = new MasterRig();
        foreach (var a in answers)
        {
            rig.Slave.Answer(a);
        }

        var service = new MeterService(rig.Master, profile, 1);
        for (int ms = 0; ms < 3000 && service.PollsSucceeded + service.PollsFailed == 0; ms++)
        {
            service.Tick(rig.Clock.NowMs);
            rig.Slave.Poll();
            rig.Clock.Advance(1);
        }

        return (service, rig);
    }
}
