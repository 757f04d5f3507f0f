namespace Charger.Ocpp
{
    /// <summary>
    /// Text of <see cref="ConnectorStatus"/>: ConnectorStatusEnumType values exactly as OCPP 2.0.1 spells them (StatusNotification connectorStatus, the AvailabilityState variable).
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class ConnectorStatusText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(ConnectorStatus value)
        {
            return value switch
            {
                ConnectorStatus.Available => "Available",
                ConnectorStatus.Occupied => "Occupied",
                ConnectorStatus.Reserved => "Reserved",
                ConnectorStatus.Unavailable => "Unavailable",
                ConnectorStatus.Faulted => "Faulted",
                _ => "?" + (int)value,
            };
        }

        /// <summary>The member named exactly <paramref name="text"/> (case-sensitive, as on the wire); false for anything else.</summary>
        public static bool TryParse(string text, out ConnectorStatus value)
        {
            switch (text)
            {
                case "Available":
                    value = ConnectorStatus.Available;
                    return true;
                case "Occupied":
                    value = ConnectorStatus.Occupied;
                    return true;
                case "Reserved":
                    value = ConnectorStatus.Reserved;
                    return true;
                case "Unavailable":
                    value = ConnectorStatus.Unavailable;
                    return true;
                case "Faulted":
                    value = ConnectorStatus.Faulted;
                    return true;
                default:
                    value = ConnectorStatus.Available;
                    return false;
            }
        }
    }
}
