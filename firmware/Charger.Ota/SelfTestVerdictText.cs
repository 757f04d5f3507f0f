namespace Charger.Ota
{
    /// <summary>Names for <see cref="SelfTestVerdict"/> (enums print as numbers on nanoFramework 1.x).</summary>
    public static class SelfTestVerdictText
    {
        public static string Of(SelfTestVerdict verdict)
        {
            return verdict switch
            {
                SelfTestVerdict.Pending => "Pending",
                SelfTestVerdict.Passed => "Passed",
                SelfTestVerdict.Failed => "Failed",
                _ => "?" + (int)verdict,
            };
        }
    }
}
