namespace Charger.Ocpp.Json
{
    /// <summary>
    /// Text of <see cref="JsonValueKind"/>: JSON value kinds for error messages and schema violations.
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class JsonValueKindText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(JsonValueKind value)
        {
            return value switch
            {
                JsonValueKind.Null => "Null",
                JsonValueKind.Object => "Object",
                JsonValueKind.Array => "Array",
                JsonValueKind.String => "String",
                JsonValueKind.Number => "Number",
                JsonValueKind.True => "True",
                JsonValueKind.False => "False",
                _ => "?" + (int)value,
            };
        }
    }
}
