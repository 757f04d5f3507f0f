using Charger.Firmware.Console;
using Charger.Firmware.Control;
using Charger.Metering.Profiles;
using Charger.Metering.Service;
using Charger.Ocpp;

namespace Charger.Firmware.Station
{
    /// <summary>How a station is built: charge control, meter, console, identity.</summary>
    public sealed class StationSettings
    {
        /// <summary>Shown by the console's <c>version</c> and sent in BootNotification.</summary>
        public const string FirmwareVersion = "0.1.0";

        public string Vendor { get; set; } = "ChargerFirmware";

        public string Model { get; set; } = "CF-AC22";

        public string SerialNumber { get; set; } = "CF-0001";

        public ChargeControlConfig Control { get; set; } = new ChargeControlConfig();

        /// <summary>Meter type on the RS-485 bus; null builds a station without metering.</summary>
        public IMeterProfile MeterProfile { get; set; }

        public byte MeterSlaveAddress { get; set; } = 1;

        public int MeterPollPeriodMs { get; set; } = MeterService.DefaultPollPeriodMs;

        public MeterLossPolicy MeterLossPolicy { get; set; } = MeterLossPolicy.StopCharging;

        public ConsoleSettings Console { get; set; }

        /// <summary>Identity and CSMS connection; null builds a station without OCPP (free vend).</summary>
        public StationConfig Ocpp { get; set; }

        /// <summary>
        /// Bounds of the OCPP message layer: the inbound queue size and its memory cost are
        /// documented on <see cref="Charger.Ocpp.Rpc.RpcLimits"/> (issue 17 item 11).
        /// </summary>
        public Charger.Ocpp.Rpc.RpcLimits Rpc { get; set; } = new Charger.Ocpp.Rpc.RpcLimits();

        /// <summary>
        /// The transaction queue's bounds and power-loss rules. Memory: the queued messages live in
        /// the file store (flash), but each keeps about 200 bytes of metadata in the heap, so
        /// QueueMaxMessages 500 can cost about 100 KB of heap during a long outage; a board with a
        /// small heap lowers it (100 messages: about 20 KB). Beyond the bound, intermediate Updated
        /// events are thinned (E11.FR.05); Started and Ended are always kept.
        /// </summary>
        public Charger.Ocpp.Transactions.TransactionOptions Transactions { get; set; } = new Charger.Ocpp.Transactions.TransactionOptions();

        /// <summary>Why the board started (the board reads its reset cause); reported in BootNotification.</summary>
        public BootReason BootReason { get; set; } = BootReason.PowerUp;

        /// <summary>
        /// When an image on trial counts as good (issue 14), for the composition that runs the
        /// self-test (the simulator's boot); null: <see cref="Charger.Ota.SelfTestPolicy.ProductDefault"/>.
        /// </summary>
        public Charger.Ota.SelfTestPolicy SelfTest { get; set; }

        /// <summary>
        /// Lines the log ring keeps (console <c>log</c>, OCPP log upload). Memory: 20 bytes a line,
        /// fixed at boot (<see cref="Charger.Firmware.Diagnostics.LogRing.MemoryBytes"/>).
        /// </summary>
        public int LogCapacity { get; set; } = 160;

        /// <summary>
        /// Bytes of log message text kept (UTF-8, one ring shared by all lines; a line is about 60
        /// bytes). Memory: exactly this many bytes, fixed at boot.
        /// </summary>
        public int LogTextBytes { get; set; } = 10240;

        /// <summary>How many raised and cleared faults the console's <c>faults</c> can show.</summary>
        public int FaultHistoryDepth { get; set; } = 16;

        /// <summary>Hardware watchdog timeout; 0 leaves the watchdog off.</summary>
        public int WatchdogTimeoutMs { get; set; } = 2000;
    }
}
