using Charger.Firmware.Station;
using Charger.Firmware.Thermal;
using Charger.Metering.Profiles;
using Charger.Ocpp;

namespace Charger.Device.Composition
{
    /// <summary>
    /// What a charger maker sets per product before flashing: identity, CSMS, meter type, current
    /// limits. The CSMS can change the OCPP variables later through SetVariables (they persist in the
    /// device model); these values are the factory defaults.
    /// </summary>
    public static class ProductSettings
    {
        public const string Vendor = "ChargerFirmware";
        public const string Model = "CF-AC22";
        public const string StationId = "CF-0001";
        public const string CsmsUrl = "wss://csms.example.net/ocpp";

        /// <summary>Maximum current the hardware is rated for, in deciamperes (32 A).</summary>
        public const int MaxCurrentDa = 320;

        /// <summary>
        /// 50 ticks: long enough for a flash write inside a duty, short enough that a hung loop is
        /// reset well inside the IEC 61851-1 Table A.6 reaction times the supervisor cannot meet once stalled.
        /// </summary>
        public const int WatchdogTimeoutMs = 500;

        public static StationSettings Create(DeviceHal hal)
        {
            StationSettings settings = new StationSettings();
            settings.WatchdogTimeoutMs = WatchdogTimeoutMs;
            // Fail-safe input polarity on both board maps (issue 12 item 11): RCD and e-stop are normally-closed
            // contacts to ground with pull-ups, so tripped, pressed or a broken wire all read high; the lock
            // feedback closes to ground when locked, so a broken wire reads "unlocked".
            settings.Control.Safety.RcdTrippedWhenHigh = true;
            settings.Control.Safety.EmergencyStopPressedWhenHigh = true;
            settings.Control.LockFeedbackLockedWhenHigh = false;
            settings.Control.Charging.MaxCurrentDa = MaxCurrentDa;
            settings.Vendor = Vendor;
            settings.Model = Model;
            settings.SerialNumber = StationId;
            settings.MeterProfile = new Sdm630Profile();

            int sensors = hal.Thermistors == null ? 0 : hal.Thermistors.Length;
            ThermistorSettings[] thermistors = new ThermistorSettings[sensors];
            for (int i = 0; i < sensors; i++)
            {
                thermistors[i] = new ThermistorSettings(hal.ThermistorNames != null ? hal.ThermistorNames[i] : "ntc" + i);
            }

            settings.Control.Thermistors = thermistors;

            StationConfig ocpp = new StationConfig();
            ocpp.StationId = StationId;
            ocpp.CsmsUrl = CsmsUrl;
            ocpp.VendorName = Vendor;
            ocpp.Model = Model;
            ocpp.SerialNumber = StationId;
            ocpp.FirmwareVersion = StationSettings.FirmwareVersion;
            ocpp.SecurityProfile = 2;
            settings.Ocpp = ocpp;
            return settings;
        }
    }
}
