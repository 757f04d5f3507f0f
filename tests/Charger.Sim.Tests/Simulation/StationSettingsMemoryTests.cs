using Charger.Firmware.Control;
using Charger.Firmware.Station;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Ocpp.Transactions;
using Charger.Sim.Simulation;

namespace Charger.Sim.Tests.Simulation;

/// <summary>
/// Issue 11: buffers and queue sizes are product settings, so a board with a small heap can bound
/// what a long outage costs it.
/// </summary>
public class StationSettingsMemoryTests
{
    private static ChargingStation Build(StationSettings settings)
    {
        var clock = new VirtualClock();
        var hardware = new StationHardware
        {
            Clock = clock,
            Control = new ChargerHardware
            {
                PilotAdc = new SimAdcChannel(4095),
                PilotPwm = new SimPwmOutput(1000),
                ProximityAdc = new SimAdcChannel(4095),
                RcdTrip = new SimDigitalInput(false),
                EmergencyStop = new SimDigitalInput(false),
                ContactorCoil = new SimDigitalOutput(),
                ContactorFeedback = new SimDigitalInput(false),
                Thermistors = new[] { new SimAdcChannel(4095), new SimAdcChannel(4095), new SimAdcChannel(4095) },
            },
            Storage = new MemoryFileStore(512 * 1024),
            CsmsSocket = new LoopbackWebSocket(),
            Random = new SeededRandom(3),
        };
        return new ChargingStation(hardware, settings);
    }

    [Fact]
    public void TheTransactionQueueBoundComesFromTheStationSettings()
    {
        var settings = SimulatedStation.CreateSettings("CF-MEM-1");
        settings.MeterProfile = null;
        settings.Transactions.QueueMaxMessages = 3;
        var station = Build(settings);
        var queue = station.Ocpp.Transactions.Queue;

        queue.Enqueue("TransactionEvent", "T1", 0, TransactionEventType.Started, -1, true, "{\"eventType\":\"Started\"}");
        for (int i = 1; i <= 6; i++)
        {
            queue.Enqueue("TransactionEvent", "T1", i, TransactionEventType.Updated, -1, true, "{\"eventType\":\"Updated\"}");
        }

        // Offline Updated events beyond the bound are thinned (E11.FR.05); the Started one is kept.
        Assert.Equal(3, queue.Count);
    }

    [Fact]
    public void LogRingSizesComeFromTheStationSettings()
    {
        var settings = SimulatedStation.CreateSettings("CF-MEM-2");
        settings.MeterProfile = null;
        settings.LogCapacity = 40;
        settings.LogTextBytes = 4096;
        var station = Build(settings);

        Assert.Equal(40, station.Log.Capacity);
    }
}
