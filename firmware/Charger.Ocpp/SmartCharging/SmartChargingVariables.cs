using Charger.Ocpp.DeviceModel;

namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// SmartChargingCtrlr in the device model (OCPP 2.0.1 part 2, referenced components and
    /// variables, smart charging): the required variables and the optional ones this station can
    /// answer for. Limits that are properties of the firmware are read-only.
    /// </summary>
    public sealed class SmartChargingVariables
    {
        public const string SmartChargingCtrlr = "SmartChargingCtrlr";

        private readonly StationDeviceModel _model;
        public readonly Variable EnabledVariable;
        public readonly Variable Entries;
        public readonly Variable LimitChangeSignificance;

        public SmartChargingVariables(StationDeviceModel model, SmartChargingSettings settings)
        {
            _model = model;
            EnabledVariable = Bool("Enabled", Mutability.ReadWrite, true, true);
            Bool("Available", Mutability.ReadOnly, true, false);
            Entries = Int("Entries", "ChargingProfiles", 0, settings.MaxProfiles);
            Entries.Persistent = false;
            LimitChangeSignificance = model.Add(new Variable(SmartChargingCtrlr, null, 0, 0, "LimitChangeSignificance", null, DataType.Decimal)
                .WithAttribute(AttributeType.Actual, Mutability.ReadWrite, "10.0"));
            LimitChangeSignificance.Unit = "Percent";
            LimitChangeSignificance.HasMinLimit = true;
            LimitChangeSignificance.MinLimit = 0;
            LimitChangeSignificance.HasMaxLimit = true;
            LimitChangeSignificance.MaxLimit = 100;
            Int("PeriodsPerSchedule", null, settings.PeriodsPerSchedule, settings.PeriodsPerSchedule).Persistent = false;
            Int("ProfileStackLevel", null, settings.MaxStackLevel, settings.MaxStackLevel).Persistent = false;
            Variable unit = model.Add(new Variable(SmartChargingCtrlr, null, 0, 0, "RateUnit", null, DataType.MemberList)
                .WithAttribute(AttributeType.Actual, Mutability.ReadOnly, settings.RateUnits));
            unit.ValuesList = "A,W";
            unit.Persistent = false;
            Bool("ACPhaseSwitchingSupported", Mutability.ReadOnly, false, false);
            Bool("Phases3to1", Mutability.ReadOnly, false, false);
            Bool("ExternalControlSignalsEnabled", Mutability.ReadOnly, false, false);
            Bool("NotifyChargingLimitWithSchedules", Mutability.ReadOnly, false, false);
        }

        /// <summary>SmartChargingCtrlr.Enabled: false rejects every profile and lifts every limit.</summary>
        public bool Enabled
        {
            get { return EnabledVariable.BoolValue; }
        }

        /// <summary>LimitChangeSignificance in tenths of a percent (10.0 % is 100).</summary>
        public int LimitChangeSignificanceTenths
        {
            get { return ParseTenths(LimitChangeSignificance.Value); }
        }

        /// <summary>Entries Actual: the number of installed profiles.</summary>
        public void SetEntries(int count)
        {
            _model.SetInternal(Entries, AttributeType.Actual, count.ToString());
        }

        /// <summary>"12", "12.5", "0.05" to tenths (12.5 -> 125); 0 for text that is not a plain decimal.</summary>
        public static int ParseTenths(string text)
        {
            if (text == null)
            {
                return 0;
            }

            char[] chars = text.ToCharArray();
            long whole = 0;
            int tenths = 0;
            bool fraction = false;
            bool seenFractionDigit = false;
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c == '.' && !fraction)
                {
                    fraction = true;
                }
                else if (c >= '0' && c <= '9')
                {
                    if (!fraction)
                    {
                        whole = whole * 10 + (c - '0');
                        if (whole > 100000000)
                        {
                            return 0;
                        }
                    }
                    else if (!seenFractionDigit)
                    {
                        tenths = c - '0';
                        seenFractionDigit = true;
                    }
                }
                else
                {
                    return 0;
                }
            }

            return (int)(whole * 10 + tenths);
        }

        private Variable Bool(string name, Mutability mutability, bool value, bool persistent)
        {
            Variable v = _model.Add(new Variable(SmartChargingCtrlr, null, 0, 0, name, null, DataType.Boolean)
                .WithAttribute(AttributeType.Actual, mutability, value ? "true" : "false"));
            v.Persistent = persistent;
            return v;
        }

        private Variable Int(string name, string instance, int value, int maxLimit)
        {
            Variable v = new Variable(SmartChargingCtrlr, null, 0, 0, name, instance, DataType.Integer)
                .WithAttribute(AttributeType.Actual, Mutability.ReadOnly, value.ToString());
            v.HasMinLimit = true;
            v.MinLimit = 0;
            v.HasMaxLimit = true;
            v.MaxLimit = maxLimit;
            return _model.Add(v);
        }
    }
}
