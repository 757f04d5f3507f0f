namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// Text of <see cref="AuthCachePolicy"/>: AuthCacheCtrlr.Policy values as the OCPP 2.0.1 device model spells them.
    /// An explicit table because Enum.ToString gives the NUMBER on nanoFramework 1.x (gate rule NF1016);
    /// a member added to the enum without a row here fails the desktop table test.
    /// </summary>
    public static class AuthCachePolicyText
    {
        /// <summary>The name of <paramref name="value"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(AuthCachePolicy value)
        {
            return value switch
            {
                AuthCachePolicy.LRU => "LRU",
                AuthCachePolicy.LFU => "LFU",
                AuthCachePolicy.FIFO => "FIFO",
                _ => "?" + (int)value,
            };
        }

        /// <summary>The member named exactly <paramref name="text"/> (case-sensitive, as on the wire); false for anything else.</summary>
        public static bool TryParse(string text, out AuthCachePolicy value)
        {
            switch (text)
            {
                case "LRU":
                    value = AuthCachePolicy.LRU;
                    return true;
                case "LFU":
                    value = AuthCachePolicy.LFU;
                    return true;
                case "FIFO":
                    value = AuthCachePolicy.FIFO;
                    return true;
                default:
                    value = AuthCachePolicy.LRU;
                    return false;
            }
        }
    }
}
