using Charger.Device.Boards;
using Charger.Device.Composition;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Station;
using Charger.Hal;
using Charger.Hal.Nano;
using Charger.Ota.Boot;

namespace Charger.Device
{
    /// <summary>
    /// The board image: build the HAL for this board, then the same <see cref="ChargingStation"/> the
    /// simulator runs, then tick it forever.
    /// </summary>
    public static class Program
    {
        /// <summary>Board bring-up lines, copied into the station's log once it exists.</summary>
        private const int BootLogCapacity = 16;

        public static void Main()
        {
            // Deployed directly (no boot assembly): the image's own version, nothing on trial.
            Run(null);
        }

        /// <summary>
        /// Brings the board up and ticks the station forever. <paramref name="boot"/> is the boot
        /// assembly's context when this image was loaded from a slot (<see cref="FirmwareApplication"/>):
        /// the bundle's version is reported, and a trial image runs its self-test.
        /// </summary>
        public static void Run(IBootContext boot)
        {
            NanoClock clock = new NanoClock();
            LogRing bootLog = new LogRing(clock, BootLogCapacity);
            bootLog.Written += DebugLogSink.Write;
            IBoard board = BoardSelection.Create();
            bootLog.Write(LogLevel.Info, "device", "booting on " + board.Name);

            DeviceHal hal;
            try
            {
                hal = board.CreateHal(clock, bootLog);
            }
            catch (System.Exception ex)
            {
                bootLog.Write(LogLevel.Error, "device", "board setup failed on " + board.Name + ": " + ex.Message);
                throw;
            }

            ChargingStation station = ControlComposition.Compose(hal, boot);
            LogEntry[] bootLines = new LogEntry[BootLogCapacity];
            int n = bootLog.CopyNewest(bootLines, LogLevel.Debug, null);
            for (int i = 0; i < n; i++)
            {
                station.Log.Write(bootLines[i].Level, bootLines[i].Component, bootLines[i].Message);
            }

            station.Log.Written += DebugLogSink.Write;
            station.Log.Write(LogLevel.Info, "device", "tick loop starting, period " + station.Runtime.TickPeriodMs + " ms");
            if (boot != null)
            {
                station.Runtime.AddStage(new SelfTestStage(station, boot, hal.Reboot));
            }

            new TickLoop(station.Runtime, clock, station.Log).Run();
        }
    }
}
