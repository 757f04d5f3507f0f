using Charger.Device.Boards;
using Charger.Device.Composition;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Runtime;
using Charger.Hal;
using Charger.Hal.Nano;

namespace Charger.Device
{
    /// <summary>The board image: build the HAL for this board, the log ring and the runtime, then tick forever.</summary>
    public static class Program
    {
        /// <summary>Lines kept for the console and OCPP log upload (about 20 kB of RAM at 80 bytes a line).</summary>
        private const int LogCapacity = 256;

        private const int MaxTickStages = 16;
        private const int MaxPeriodicDuties = 32;

        /// <summary>
        /// 50 ticks: long enough for a flash write inside a duty, short enough that a hung loop is
        /// reset well inside the IEC 61851-1 Table A.6 reaction times the supervisor cannot meet once stalled.
        /// </summary>
        private const int WatchdogTimeoutMs = 500;

        public static void Main()
        {
            NanoClock clock = new NanoClock();
            LogRing log = new LogRing(clock, LogCapacity);
            log.Written += DebugLogSink.Write;
            IBoard board = BoardSelection.Create();
            log.Write(LogLevel.Info, "device", "booting on " + board.Name);

            DeviceHal hal;
            try
            {
                hal = board.CreateHal(clock, log);
            }
            catch (System.Exception ex)
            {
                log.Write(LogLevel.Error, "device", "board setup failed on " + board.Name + ": " + ex.Message);
                throw;
            }

            ChargerRuntime runtime = new ChargerRuntime(log, hal.Watchdog, ChargerRuntime.DefaultTickPeriodMs, MaxTickStages, MaxPeriodicDuties);
            ControlComposition.Compose(runtime, hal, log);
            hal.Watchdog.Start(WatchdogTimeoutMs);
            log.Write(LogLevel.Info, "device", "tick loop starting, period " + runtime.TickPeriodMs + " ms");
            new TickLoop(runtime, clock, log).Run();
        }
    }
}
