namespace Charger.OtaProof.Lib
{
    /// <summary>
    /// A second assembly in the proof's bundle, referenced by the application: the bundle must load
    /// it first (tools/BundleTool orders files by the references in their .pe headers).
    /// </summary>
    public static class VersionBanner
    {
        public static string For(string version, string slot)
        {
            return "version " + version + " from slot " + slot;
        }
    }
}
