namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// What smart charging needs to know of the installation: the supply (phases and nominal
    /// voltage, for W to A), the hardware's maximum current (the composite schedule never
    /// reports more), and the bounds the device model declares (SmartChargingCtrlr).
    /// </summary>
    public sealed class SmartChargingSettings
    {
        /// <summary>IEC 60038: 230 V phase to neutral on European low-voltage supplies.</summary>
        public int NominalVoltageV = 230;

        /// <summary>Phases the EVSE is wired with (1 or 3).</summary>
        public int SupplyPhases = 3;

        /// <summary>The hardware's maximum offer in deciamperes (what "no profile" means in a composite schedule).</summary>
        public int HardwareMaxDa = 320;

        /// <summary>SmartChargingCtrlr.Entries maxLimit: installed profiles at most (each costs about 200 B of heap with 24 periods).</summary>
        public int MaxProfiles = 8;

        /// <summary>SmartChargingCtrlr.PeriodsPerSchedule.</summary>
        public int PeriodsPerSchedule = 24;

        /// <summary>SmartChargingCtrlr.ProfileStackLevel: the highest stack level accepted.</summary>
        public int MaxStackLevel = 8;

        /// <summary>SmartChargingCtrlr.RateUnit: "A", "W" or "A,W".</summary>
        public string RateUnits = "A,W";

        /// <summary>Most periods a composite schedule may hold (GetCompositeSchedule answers Rejected above it).</summary>
        public int CompositeMaxPeriods = 256;

        /// <summary>Profiles per ReportChargingProfiles message (K09 paging).</summary>
        public int ProfilesPerReport = 4;

        /// <summary>Whether <paramref name="unit"/> is one of <see cref="RateUnits"/>.</summary>
        public bool Supports(ChargingRateUnit unit)
        {
            string name = ChargingRateUnitText.Of(unit);
            string[] units = RateUnits.Split(',');
            for (int i = 0; i < units.Length; i++)
            {
                if (units[i].Trim() == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Null when the settings are usable; else what is wrong, the setting named.</summary>
        public string Check()
        {
            if (NominalVoltageV < 100 || NominalVoltageV > 400)
            {
                return "NominalVoltageV must be 100..400";
            }

            if (SupplyPhases < 1 || SupplyPhases > 3)
            {
                return "SupplyPhases must be 1..3";
            }

            if (MaxProfiles < 1 || MaxProfiles > 64 || PeriodsPerSchedule < 1 || PeriodsPerSchedule > 1024 || MaxStackLevel < 0)
            {
                return "MaxProfiles 1..64, PeriodsPerSchedule 1..1024, MaxStackLevel >= 0";
            }

            return null;
        }
    }
}
