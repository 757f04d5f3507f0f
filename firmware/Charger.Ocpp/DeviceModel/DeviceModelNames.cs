namespace Charger.Ocpp.DeviceModel
{
    /// <summary>Wire names of the device-model enumerations (OCPP 2.0.1 part 2, section 3).</summary>
    public static class DeviceModelNames
    {
        private static readonly string[] DataTypes =
        {
            "string", "decimal", "integer", "dateTime", "boolean", "OptionList", "SequenceList", "MemberList",
        };

        private static readonly string[] Attributes = { "Actual", "Target", "MinSet", "MaxSet" };

        private static readonly string[] Mutabilities = { "ReadOnly", "WriteOnly", "ReadWrite" };

        private static readonly string[] SetStatuses =
        {
            "Accepted", "Rejected", "UnknownComponent", "UnknownVariable", "NotSupportedAttributeType", "RebootRequired",
        };

        private static readonly string[] GetStatuses =
        {
            "Accepted", "Rejected", "UnknownComponent", "UnknownVariable", "NotSupportedAttributeType",
        };

        public static string DataTypeName(DataType type)
        {
            return DataTypes[(int)type];
        }

        public static string AttributeName(AttributeType type)
        {
            return Attributes[(int)type];
        }

        public static string MutabilityName(Mutability mutability)
        {
            return Mutabilities[(int)mutability];
        }

        public static string SetStatusName(SetVariableStatus status)
        {
            return SetStatuses[(int)status];
        }

        public static string GetStatusName(GetVariableStatus status)
        {
            return GetStatuses[(int)status];
        }

        /// <summary>Attribute type from its wire name; false when unknown (the schema already refuses those).</summary>
        public static bool TryParseAttribute(string name, out AttributeType type)
        {
            for (int i = 0; i < Attributes.Length; i++)
            {
                if (Attributes[i] == name)
                {
                    type = (AttributeType)i;
                    return true;
                }
            }

            type = AttributeType.Actual;
            return false;
        }

        public static string[] AttributeNames
        {
            get { return Attributes; }
        }
    }
}
