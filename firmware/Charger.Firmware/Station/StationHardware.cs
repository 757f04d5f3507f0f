using Charger.Firmware.Control;
using Charger.Hal;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// Everything the station drives, as a board file (or the simulator) wires it. The charge-control
    /// pins are in <see cref="Control"/>; optional parts may be null (no meter bus, no console UART).
    /// </summary>
    public sealed class StationHardware
    {
        public IClock Clock { get; set; }

        public ChargerHardware Control { get; set; }

        /// <summary>Connector lock actuator (high = locked); null on a tethered charger or a board without one.</summary>
        public IDigitalOutput ConnectorLock { get; set; }

        /// <summary>The lock's position contact; with it the charge controller owns the lock (issue 12 item 10).</summary>
        public IDigitalInput ConnectorLockFeedback { get; set; }

        /// <summary>RS-485 bus to the energy meter; null on a board without a meter.</summary>
        public ISerialPort MeterPort { get; set; }

        /// <summary>RS-485 driver-enable pin when the UART cannot drive it itself; may be null.</summary>
        public IDigitalOutput MeterDriverEnable { get; set; }

        /// <summary>The technician's UART; null to build without the console.</summary>
        public ISerialPort ConsolePort { get; set; }

        public IFileStore Storage { get; set; }

        public IWebSocketClient CsmsSocket { get; set; }

        public IRandomSource Random { get; set; }

        public IWatchdog Watchdog { get; set; }

        public IRebootController Reboot { get; set; }

        /// <summary>HTTP(S) uploads and downloads (GetLog, firmware); null: GetLog is Rejected.</summary>
        public IHttpTransfer HttpTransfer { get; set; }

        /// <summary>
        /// What the boot assembly started (the slots, the running image's version, trial or not);
        /// null: a station deployed without the A/B slots, where UpdateFirmware is Rejected.
        /// </summary>
        public Charger.Ota.Boot.IBootContext Boot { get; set; }
    }
}
