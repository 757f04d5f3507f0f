namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Text of <see cref="ChargingState"/>: ChargingStateEnumType values exactly as OCPP 2.0.1 spells them (TransactionEvent transactionInfo.chargingState).
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class ChargingStateText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(ChargingState value)
        {
            return value switch
            {
                ChargingState.Idle => "Idle",
                ChargingState.EVConnected => "EVConnected",
                ChargingState.Charging => "Charging",
                ChargingState.SuspendedEV => "SuspendedEV",
                ChargingState.SuspendedEVSE => "SuspendedEVSE",
                _ => "?" + (int)value,
            };
        }

        /// <summary>The member named exactly <paramref name="text"/> (case-sensitive, as on the wire); false for anything else.</summary>
        public static bool TryParse(string text, out ChargingState value)
        {
            switch (text)
            {
                case "Idle":
                    value = ChargingState.Idle;
                    return true;
                case "EVConnected":
                    value = ChargingState.EVConnected;
                    return true;
                case "Charging":
                    value = ChargingState.Charging;
                    return true;
                case "SuspendedEV":
                    value = ChargingState.SuspendedEV;
                    return true;
                case "SuspendedEVSE":
                    value = ChargingState.SuspendedEVSE;
                    return true;
                default:
                    value = ChargingState.Idle;
                    return false;
            }
        }
    }
}
