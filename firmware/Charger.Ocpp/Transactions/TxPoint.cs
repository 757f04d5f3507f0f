namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// TxStartPoint / TxStopPoint values of TxCtrlr (OCPP 2.0.1 part 2, E01/E06 "flexible
    /// transaction start/stop") as bit flags, parsed from the device model's member list.
    /// </summary>
    public static class TxPoint
    {
        public const int ParkingBayOccupancy = 1;
        public const int EVConnected = 2;
        public const int Authorized = 4;
        public const int DataSigned = 8;
        public const int PowerPathClosed = 16;
        public const int EnergyTransfer = 32;

        /// <summary>Flags of a comma-separated member list; unknown members are ignored (the device model refuses them on write).</summary>
        public static int Parse(string memberList)
        {
            int flags = 0;
            if (memberList == null)
            {
                return 0;
            }

            int start = 0;
            for (int i = 0; i <= memberList.Length; i++)
            {
                if (i == memberList.Length || memberList[i] == ',')
                {
                    flags |= FlagOf(memberList.Substring(start, i - start).Trim());
                    start = i + 1;
                }
            }

            return flags;
        }

        private static int FlagOf(string name)
        {
            switch (name)
            {
                case "ParkingBayOccupancy": return ParkingBayOccupancy;
                case "EVConnected": return EVConnected;
                case "Authorized": return Authorized;
                case "DataSigned": return DataSigned;
                case "PowerPathClosed": return PowerPathClosed;
                case "EnergyTransfer": return EnergyTransfer;
                default: return 0;
            }
        }
    }
}
