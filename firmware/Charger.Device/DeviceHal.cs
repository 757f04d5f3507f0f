using Charger.Hal;

namespace Charger.Device
{
    /// <summary>
    /// Everything the firmware touches on a board, behind the HAL interfaces. A board file fills it;
    /// the composition and the runtime only ever see these interfaces, never a pin number.
    /// </summary>
    public sealed class DeviceHal
    {
        public IClock Clock { get; set; }

        /// <summary>1 kHz control-pilot generator (IEC 61851-1 Annex A).</summary>
        public IPwmOutput PilotPwm { get; set; }

        /// <summary>Control-pilot voltage after the board's divider, sampled for the CP state.</summary>
        public IAdcChannel PilotSense { get; set; }

        /// <summary>Proximity-pilot voltage: cable current rating (IEC 61851-1 Annex B).</summary>
        public IAdcChannel ProximitySense { get; set; }

        public IDigitalOutput ContactorCoil { get; set; }

        /// <summary>Auxiliary contact of the main contactor: high when closed (welded-contact detection).</summary>
        public IDigitalInput ContactorFeedback { get; set; }

        public IDigitalOutput ConnectorLock { get; set; }

        /// <summary>
        /// The lock's position contact, closed to ground when locked (reads low), so a broken wire reads
        /// "unlocked" and the contactor stays open (issue 12 items 10, 11).
        /// </summary>
        public IDigitalInput ConnectorLockFeedback { get; set; }

        public IDigitalInput ResidualCurrentTrip { get; set; }

        public IDigitalInput EmergencyStop { get; set; }

        public IDigitalOutput StatusLed { get; set; }

        /// <summary>RS-485 Modbus RTU bus to the energy meter.</summary>
        public ISerialPort MeterBus { get; set; }

        public IFileStore Files { get; set; }

        public IWebSocketClient CsmsLink { get; set; }

        /// <summary>HTTP(S) transfers (GetLog uploads, firmware downloads).</summary>
        public IHttpTransfer Http { get; set; }

        public IRandomSource Random { get; set; }

        public IWatchdog Watchdog { get; set; }

        /// <summary>NTC thermistor inputs; index order matches <see cref="ThermistorNames"/>.</summary>
        public IAdcChannel[] Thermistors { get; set; }

        public string[] ThermistorNames { get; set; }

        /// <summary>The technician's UART for the serial debug console; null when the board has none spare.</summary>
        public ISerialPort ConsolePort { get; set; }

        public IRebootController Reboot { get; set; }
    }
}
