namespace Charger.Firmware.Safety
{
    /// <summary>
    /// Text of <see cref="FaultCode"/>: fault code names: the log, the fault history, the console, and what a technician types after `fault clear` (any letter case).
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class FaultCodeText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(FaultCode value)
        {
            return value switch
            {
                FaultCode.RcdTrip => "RcdTrip",
                FaultCode.EmergencyStop => "EmergencyStop",
                FaultCode.DiodeFault => "DiodeFault",
                FaultCode.PilotShort => "PilotShort",
                FaultCode.OverCurrent => "OverCurrent",
                FaultCode.OverTemperature => "OverTemperature",
                FaultCode.TemperatureSensor => "TemperatureSensor",
                FaultCode.ContactorStuckOpen => "ContactorStuckOpen",
                FaultCode.ContactorWelded => "ContactorWelded",
                FaultCode.MeterFault => "MeterFault",
                FaultCode.CableFault => "CableFault",
                FaultCode.InternalFailure => "InternalFailure",
                FaultCode.LockFailure => "LockFailure",
                _ => "?" + (int)value,
            };
        }

        /// <summary>The member named <paramref name="text"/> in any letter case (typed on the console); false for anything else.</summary>
        public static bool TryParse(string text, out FaultCode value)
        {
            switch (text == null ? null : text.ToLower())
            {
                case "rcdtrip":
                    value = FaultCode.RcdTrip;
                    return true;
                case "emergencystop":
                    value = FaultCode.EmergencyStop;
                    return true;
                case "diodefault":
                    value = FaultCode.DiodeFault;
                    return true;
                case "pilotshort":
                    value = FaultCode.PilotShort;
                    return true;
                case "overcurrent":
                    value = FaultCode.OverCurrent;
                    return true;
                case "overtemperature":
                    value = FaultCode.OverTemperature;
                    return true;
                case "temperaturesensor":
                    value = FaultCode.TemperatureSensor;
                    return true;
                case "contactorstuckopen":
                    value = FaultCode.ContactorStuckOpen;
                    return true;
                case "contactorwelded":
                    value = FaultCode.ContactorWelded;
                    return true;
                case "meterfault":
                    value = FaultCode.MeterFault;
                    return true;
                case "cablefault":
                    value = FaultCode.CableFault;
                    return true;
                case "internalfailure":
                    value = FaultCode.InternalFailure;
                    return true;
                case "lockfailure":
                    value = FaultCode.LockFailure;
                    return true;
                default:
                    value = FaultCode.RcdTrip;
                    return false;
            }
        }
    }
}
