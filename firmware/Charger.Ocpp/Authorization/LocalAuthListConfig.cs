namespace Charger.Ocpp.Authorization
{
    /// <summary>LocalAuthListCtrlr variables (OCPP 2.0.1 Part 2 Appendix); the device model writes them.</summary>
    public sealed class LocalAuthListConfig
    {
        /// <summary>LocalAuthListCtrlr.Enabled.</summary>
        public bool Enabled = true;

        /// <summary>LocalAuthListCtrlr.Entries maxLimit: most entries the list may hold.</summary>
        public int MaxEntries = 500;

        /// <summary>LocalAuthListCtrlr.ItemsPerMessage: most entries in one SendLocalListRequest.</summary>
        public int ItemsPerMessage = 50;

        /// <summary>LocalAuthListCtrlr.BytesPerMessage: largest SendLocalListRequest in bytes.</summary>
        public int BytesPerMessage = 8192;

        /// <summary>LocalAuthListCtrlr.Storage: bytes the stored list may occupy.</summary>
        public int StorageBytes = 32768;
    }
}
