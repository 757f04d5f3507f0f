namespace Charger.Firmware.Safety
{
    /// <summary>Fault codes as text. An explicit table: on nanoFramework 1.x an enum turns into its number.</summary>
    public static class FaultNames
    {
        public static string Name(FaultCode code)
        {
            switch (code)
            {
                case FaultCode.RcdTrip:
                    return "RcdTrip";
                case FaultCode.EmergencyStop:
                    return "EmergencyStop";
                case FaultCode.DiodeFault:
                    return "DiodeFault";
                case FaultCode.PilotShort:
                    return "PilotShort";
                case FaultCode.OverCurrent:
                    return "OverCurrent";
                case FaultCode.OverTemperature:
                    return "OverTemperature";
                case FaultCode.TemperatureSensor:
                    return "TemperatureSensor";
                case FaultCode.ContactorStuckOpen:
                    return "ContactorStuckOpen";
                case FaultCode.ContactorWelded:
                    return "ContactorWelded";
                case FaultCode.MeterFault:
                    return "MeterFault";
                case FaultCode.CableFault:
                    return "CableFault";
                case FaultCode.InternalFailure:
                    return "InternalFailure";
                case FaultCode.LockFailure:
                    return "LockFailure";
                default:
                    return "Fault" + ((int)code).ToString();
            }
        }
    }
}
