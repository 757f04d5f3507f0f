using System.Text;
using Charger.Hal;

namespace Charger.Ocpp.NetworkProfiles
{
    /// <summary>
    /// The configuration slots (B09): <see cref="SlotCount"/> bounded records on the file store, one
    /// per slot, each written with IFileStore.WriteAtomic, so a power cut while storing leaves the
    /// slot's old profile or the new one, never a mix. Slot 0 holds the profile provisioned in
    /// StationConfig until the CSMS stores another one there; a record that cannot be read back
    /// (damaged) counts as an empty slot and is logged.
    /// </summary>
    public sealed class NetworkProfileStore
    {
        /// <summary>Configuration slots 0..SlotCount-1 (NetworkConfigurationPriority's valuesList).</summary>
        public const int SlotCount = 3;

        /// <summary>The slot the provisioned profile lives in.</summary>
        public const int ProvisionedSlot = 0;

        /// <summary>Record name prefix; the slot number follows.</summary>
        public const string RecordPrefix = "netprof-";

        /// <summary>Longest stored profile in bytes: ocppCsmsUrl (512) plus apn and vpn at their schema maxima fit well inside.</summary>
        public const int MaxRecordBytes = 2048;

        private const string Component = "ocpp.netprof";

        private readonly IFileStore _store;
        private readonly ILog _log;
        private readonly NetworkProfile _provisioned;

        public NetworkProfileStore(IFileStore store, NetworkProfile provisioned, ILog log)
        {
            _store = store;
            _log = log;
            _provisioned = provisioned;
            _provisioned.Slot = ProvisionedSlot;
        }

        /// <summary>NetworkConfigurationPriority's valuesList: "0,1,2".</summary>
        public static string ValuesList()
        {
            string list = "0";
            for (int i = 1; i < SlotCount; i++)
            {
                list += "," + i.ToString();
            }

            return list;
        }

        public static bool IsSlot(long slot)
        {
            return slot >= 0 && slot < SlotCount;
        }

        /// <summary>The profile in <paramref name="slot"/>, or null when the slot is empty (or out of range).</summary>
        public NetworkProfile Get(int slot)
        {
            if (!IsSlot(slot))
            {
                return null;
            }

            byte[] bytes = _store.Read(RecordPrefix + slot.ToString());
            if (bytes != null)
            {
                NetworkProfile p = bytes.Length <= MaxRecordBytes ? NetworkProfile.FromJson(slot, Encoding.UTF8.GetString(bytes, 0, bytes.Length)) : null;
                if (p != null)
                {
                    return p;
                }

                _log.Write(LogLevel.Error, Component, "network profile in slot " + slot.ToString() + " is damaged; slot treated as empty");
            }

            return slot == ProvisionedSlot ? _provisioned : null;
        }

        /// <summary>
        /// Stores <paramref name="profile"/> in its slot; false (and logged) when the store is full or
        /// the record would be over <see cref="MaxRecordBytes"/> (B09.FR.03: Failed).
        /// </summary>
        public bool Save(NetworkProfile profile)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(profile.ToJson());
            if (bytes.Length > MaxRecordBytes)
            {
                _log.Write(LogLevel.Error, Component, "network profile for slot " + profile.Slot.ToString() + " is " + bytes.Length.ToString()
                    + " bytes, over " + MaxRecordBytes.ToString() + "; not stored");
                return false;
            }

            try
            {
                _store.WriteAtomic(RecordPrefix + profile.Slot.ToString(), bytes, bytes.Length);
            }
            catch (StorageFullException e)
            {
                _log.Write(LogLevel.Error, Component, "network profile for slot " + profile.Slot.ToString() + " not stored: " + e.Message);
                return false;
            }

            _log.Write(LogLevel.Info, Component, "network profile stored in slot " + profile.Slot.ToString() + ": " + profile.CsmsUrl
                + " security profile " + profile.SecurityProfile.ToString());
            return true;
        }
    }
}
