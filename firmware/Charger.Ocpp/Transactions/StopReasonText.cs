namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Text of <see cref="StopReason"/>: ReasonEnumType values exactly as OCPP 2.0.1 spells them (TransactionEvent transactionInfo.stoppedReason).
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class StopReasonText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(StopReason value)
        {
            return value switch
            {
                StopReason.Local => "Local",
                StopReason.DeAuthorized => "DeAuthorized",
                StopReason.EmergencyStop => "EmergencyStop",
                StopReason.EnergyLimitReached => "EnergyLimitReached",
                StopReason.EVDisconnected => "EVDisconnected",
                StopReason.GroundFault => "GroundFault",
                StopReason.ImmediateReset => "ImmediateReset",
                StopReason.LocalOutOfCredit => "LocalOutOfCredit",
                StopReason.MasterPass => "MasterPass",
                StopReason.Other => "Other",
                StopReason.OvercurrentFault => "OvercurrentFault",
                StopReason.PowerLoss => "PowerLoss",
                StopReason.PowerQuality => "PowerQuality",
                StopReason.Reboot => "Reboot",
                StopReason.Remote => "Remote",
                StopReason.SOCLimitReached => "SOCLimitReached",
                StopReason.StoppedByEV => "StoppedByEV",
                StopReason.TimeLimitReached => "TimeLimitReached",
                StopReason.Timeout => "Timeout",
                _ => "?" + (int)value,
            };
        }

        /// <summary>The member named exactly <paramref name="text"/> (case-sensitive, as on the wire); false for anything else.</summary>
        public static bool TryParse(string text, out StopReason value)
        {
            switch (text)
            {
                case "Local":
                    value = StopReason.Local;
                    return true;
                case "DeAuthorized":
                    value = StopReason.DeAuthorized;
                    return true;
                case "EmergencyStop":
                    value = StopReason.EmergencyStop;
                    return true;
                case "EnergyLimitReached":
                    value = StopReason.EnergyLimitReached;
                    return true;
                case "EVDisconnected":
                    value = StopReason.EVDisconnected;
                    return true;
                case "GroundFault":
                    value = StopReason.GroundFault;
                    return true;
                case "ImmediateReset":
                    value = StopReason.ImmediateReset;
                    return true;
                case "LocalOutOfCredit":
                    value = StopReason.LocalOutOfCredit;
                    return true;
                case "MasterPass":
                    value = StopReason.MasterPass;
                    return true;
                case "Other":
                    value = StopReason.Other;
                    return true;
                case "OvercurrentFault":
                    value = StopReason.OvercurrentFault;
                    return true;
                case "PowerLoss":
                    value = StopReason.PowerLoss;
                    return true;
                case "PowerQuality":
                    value = StopReason.PowerQuality;
                    return true;
                case "Reboot":
                    value = StopReason.Reboot;
                    return true;
                case "Remote":
                    value = StopReason.Remote;
                    return true;
                case "SOCLimitReached":
                    value = StopReason.SOCLimitReached;
                    return true;
                case "StoppedByEV":
                    value = StopReason.StoppedByEV;
                    return true;
                case "TimeLimitReached":
                    value = StopReason.TimeLimitReached;
                    return true;
                case "Timeout":
                    value = StopReason.Timeout;
                    return true;
                default:
                    value = StopReason.Local;
                    return false;
            }
        }
    }
}
