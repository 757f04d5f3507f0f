namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// The measurands this station can sample (MeasurandEnumType subset) as bit flags, parsed from
    /// SampledDataCtrlr/AlignedDataCtrlr member lists. Others configured there have no source here
    /// and are left out of the sampled values.
    /// </summary>
    public static class Measurands
    {
        public const int EnergyActiveImportRegister = 1;
        public const int PowerActiveImport = 2;
        public const int CurrentImport = 4;
        public const int Voltage = 8;
        public const int CurrentOffered = 16;

        public const string EnergyName = "Energy.Active.Import.Register";
        public const string PowerName = "Power.Active.Import";
        public const string CurrentName = "Current.Import";
        public const string VoltageName = "Voltage";
        public const string CurrentOfferedName = "Current.Offered";

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
                    string name = memberList.Substring(start, i - start).Trim();
                    if (name == EnergyName)
                    {
                        flags |= EnergyActiveImportRegister;
                    }
                    else if (name == PowerName)
                    {
                        flags |= PowerActiveImport;
                    }
                    else if (name == CurrentName)
                    {
                        flags |= CurrentImport;
                    }
                    else if (name == VoltageName)
                    {
                        flags |= Voltage;
                    }
                    else if (name == CurrentOfferedName)
                    {
                        flags |= CurrentOffered;
                    }

                    start = i + 1;
                }
            }

            return flags;
        }
    }
}
