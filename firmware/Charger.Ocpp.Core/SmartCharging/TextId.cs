namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// Compares identifiers that may be null (transaction ids). On nanoCLR (CoreLibrary 1.17.11)
    /// comparing a string with == or != to a null VARIABLE crashes the runtime (found by the
    /// on-target suite: "T1-..." != null killed nanoCLR with SIGSEGV); comparisons with the null
    /// literal are plain reference checks and safe. So null is handled here before any string
    /// comparison runs.
    /// </summary>
    public static class TextId
    {
        public static bool Same(string a, string b)
        {
            if (a == null || b == null)
            {
                return a == null && b == null;
            }

            return string.Equals(a, b);
        }
    }
}
