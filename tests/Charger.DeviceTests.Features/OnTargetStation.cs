using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Ocpp;
using Charger.Ocpp.Rpc;

namespace Charger.DeviceTests
{
    /// <summary>The OCPP station the feature tests run against: profile 1 on a loopback CSMS, no charger behind it.</summary>
    internal static class OnTargetStation
    {
        public static OcppStation New(LoopbackWebSocket socket, IFileStore store, ILog log)
        {
            StationConfig config = new StationConfig();
            config.StationId = "CS001";
            config.CsmsUrl = "ws://csms.test/ocpp";
            config.BasicAuthPassword = "correct-horse-battery";
            config.StartedAtTickMs = 1000;
            return new OcppStation(config, socket, store, new SeededRandom(99), log, new IdleStationHooks(), BootReason.PowerUp, new RpcLimits());
        }
    }
}
