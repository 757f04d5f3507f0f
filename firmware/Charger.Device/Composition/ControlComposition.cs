using Charger.Firmware.Control;
using Charger.Firmware.Station;

namespace Charger.Device.Composition
{
    /// <summary>
    /// Maps the board's HAL onto the station and builds it: exactly the <see cref="ChargingStation"/>
    /// the simulator runs, so what the tests prove is what the board does. The station settings a
    /// charger maker changes per product live in <see cref="ProductSettings"/>.
    /// </summary>
    public static class ControlComposition
    {
        public static ChargingStation Compose(DeviceHal hal)
        {
            return Compose(hal, StationSettings.FirmwareVersion);
        }

        /// <param name="firmwareVersion">What BootNotification reports: the booted bundle's version.</param>
        public static ChargingStation Compose(DeviceHal hal, string firmwareVersion)
        {
            return Compose(hal, firmwareVersion, null);
        }

        /// <summary>
        /// The station of an image the boot assembly started: it reports the bundle's version and
        /// UpdateFirmware (OCPP L01) writes the free slot of <paramref name="boot"/>.
        /// </summary>
        public static ChargingStation Compose(DeviceHal hal, Charger.Ota.Boot.IBootContext boot)
        {
            return Compose(hal, boot == null ? StationSettings.FirmwareVersion : boot.FirmwareVersion, boot);
        }

        private static ChargingStation Compose(DeviceHal hal, string firmwareVersion, Charger.Ota.Boot.IBootContext boot)
        {
            if (hal == null)
            {
                throw new System.ArgumentNullException("hal");
            }

            ChargerHardware control = new ChargerHardware();
            control.PilotAdc = hal.PilotSense;
            control.PilotPwm = hal.PilotPwm;
            control.ProximityAdc = hal.ProximitySense;
            control.RcdTrip = hal.ResidualCurrentTrip;
            control.EmergencyStop = hal.EmergencyStop;
            control.ContactorCoil = hal.ContactorCoil;
            control.ContactorFeedback = hal.ContactorFeedback;
            control.Thermistors = hal.Thermistors;

            StationHardware hardware = new StationHardware();
            hardware.Clock = hal.Clock;
            hardware.Control = control;
            hardware.ConnectorLock = hal.ConnectorLock;
            hardware.ConnectorLockFeedback = hal.ConnectorLockFeedback;
            hardware.MeterPort = hal.MeterBus;
            hardware.ConsolePort = hal.ConsolePort;
            hardware.Storage = hal.Files;
            hardware.CsmsSocket = hal.CsmsLink;
            hardware.HttpTransfer = hal.Http;
            hardware.Boot = boot;
            hardware.Random = hal.Random;
            hardware.Watchdog = hal.Watchdog;
            hardware.Reboot = hal.Reboot;

            StationSettings settings = ProductSettings.Create(hal);
            settings.Ocpp.FirmwareVersion = firmwareVersion;
            ChargingStation station = new ChargingStation(hardware, settings);
            if (station.Ocpp != null)
            {
                // A key pair and its signing request take seconds on the board: never inside the tick loop.
                station.Ocpp.StationCertificates.GenerateInBackground = true;
            }

            if (station.FirmwareTarget != null)
            {
                // Hashing a 250 KB image and checking its signature take seconds on the board: off the tick too.
                station.FirmwareTarget.CheckInBackground = true;
            }

            return station;
        }
    }
}
