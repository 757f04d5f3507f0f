using System.Collections;
using Charger.Hal;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// The Local Authorization List (OCPP 2.0.1 D01, D02): managed only by the CSMS through
    /// SendLocalList, versioned, bounded by LocalAuthListCtrlr.Entries and Storage, and stored as
    /// one atomically written record holding version and entries together, so a power cut during
    /// an update leaves the old list with the old version or the new list with the new one.
    /// An update that cannot be applied whole is refused whole.
    /// </summary>
    public sealed class LocalAuthorizationList
    {
        public const string RecordName = "auth.locallist";

        private const byte RecordKind = 0x4C;
        private const byte FormatVersion = 1;

        // Header, version, entry count, CRC-32 trailer.
        private const int FixedRecordBytes = 2 + 4 + 4 + 4;
        private const string Component = "LocalList";

        private readonly IFileStore _store;
        private readonly ILog _log;
        private readonly LocalAuthListConfig _config;

        // token key -> AuthorizationData
        private Hashtable _entries = new Hashtable();
        private int _version;

        public LocalAuthorizationList(IFileStore store, ILog log, LocalAuthListConfig config)
        {
            if (store == null || log == null || config == null)
            {
                throw new System.ArgumentNullException("store, log and config are required");
            }

            _store = store;
            _log = log;
            _config = config;
        }

        public bool Enabled
        {
            get { return _config.Enabled; }
        }

        public int Count
        {
            get { return _entries.Count; }
        }

        /// <summary>The installed version, 0 when no list was ever installed.</summary>
        public int InstalledVersion
        {
            get { return _version; }
        }

        /// <summary>Bytes the stored list occupies (LocalAuthListCtrlr.Storage Actual).</summary>
        public int StorageUsedBytes
        {
            get { return RecordBytes(_entries); }
        }

        public int Load()
        {
            _entries = new Hashtable();
            _version = 0;
            byte[] data = _store.Read(RecordName);
            if (data == null)
            {
                return 0;
            }

            try
            {
                StoreRecordReader reader = new StoreRecordReader(RecordName, data, RecordKind, FormatVersion);
                int version = reader.ReadInt32();
                int count = reader.ReadInt32();
                Hashtable entries = new Hashtable();
                for (int i = 0; i < count; i++)
                {
                    IdToken token = AuthRecordCodec.ReadToken(reader);
                    if (token == null)
                    {
                        throw new CorruptRecordException("local list entry " + i + " has no token");
                    }

                    entries[token.Key] = new AuthorizationData(token, AuthRecordCodec.ReadInfo(reader));
                }

                if (!reader.AtEnd)
                {
                    throw new CorruptRecordException("record " + RecordName + " has bytes after its last entry");
                }

                _entries = entries;
                _version = version;
            }
            catch (CorruptRecordException e)
            {
                // Version 0 tells the CSMS (GetLocalListVersion) that it must send the list again.
                _log.Write(LogLevel.Error, Component, "local authorization list unreadable, reporting version 0 so the CSMS resends it: " + e.Message);
            }

            return _entries.Count;
        }

        /// <summary>GetLocalListVersion: the version (D02.FR.01), 0 when none is installed (D02.FR.02) or the list is disabled (D02.FR.03).</summary>
        public int GetVersion()
        {
            return _config.Enabled ? _version : 0;
        }

        /// <summary>The list's info for a token (a copy), or null when absent or the list is disabled.</summary>
        public IdTokenInfo Lookup(IdToken token)
        {
            if (!_config.Enabled)
            {
                return null;
            }

            AuthorizationData data = (AuthorizationData)_entries[token.Key];
            return data == null ? null : data.Info.Copy();
        }

        /// <summary>
        /// Applies a SendLocalListRequest (D01). <paramref name="messageBytes"/> is the size of the
        /// request as received, checked against BytesPerMessage.
        /// </summary>
        public SendLocalListResult Apply(int versionNumber, LocalListUpdateType updateType, AuthorizationData[] items, int messageBytes)
        {
            if (items == null)
            {
                items = new AuthorizationData[0];
            }

            if (!_config.Enabled)
            {
                return Refuse(SendLocalListStatus.Failed, "LocalAuthListCtrlr.Enabled is false");
            }

            if (items.Length > _config.ItemsPerMessage)
            {
                return Refuse(SendLocalListStatus.Failed, items.Length + " items exceed ItemsPerMessage " + _config.ItemsPerMessage);
            }

            if (messageBytes > _config.BytesPerMessage)
            {
                return Refuse(SendLocalListStatus.Failed, messageBytes + " bytes exceed BytesPerMessage " + _config.BytesPerMessage);
            }

            if (versionNumber <= 0)
            {
                return Refuse(SendLocalListStatus.Failed, "versionNumber must be greater than 0 (D01.FR.18), got " + versionNumber);
            }

            Hashtable seen = new Hashtable();
            for (int i = 0; i < items.Length; i++)
            {
                if (items[i] == null || items[i].Token == null)
                {
                    return Refuse(SendLocalListStatus.Failed, "item " + i + " has no idToken");
                }

                string key = items[i].Token.Key;
                if (seen.Contains(key))
                {
                    return Refuse(SendLocalListStatus.Failed, "idToken " + items[i].Token.ToString() + " appears twice (D01.FR.06)");
                }

                seen[key] = key;
            }

            Hashtable next;
            if (updateType == LocalListUpdateType.Full)
            {
                // A Full update replaces the list; an empty one empties it (D01.FR.04, D01.FR.15).
                next = new Hashtable();
                for (int i = 0; i < items.Length; i++)
                {
                    if (items[i].Info == null)
                    {
                        return Refuse(SendLocalListStatus.Failed, "a Full update needs idTokenInfo for every item; " + items[i].Token.ToString() + " has none");
                    }

                    next[items[i].Token.Key] = new AuthorizationData(items[i].Token, items[i].Info.Copy());
                }
            }
            else
            {
                if (versionNumber <= _version)
                {
                    return Refuse(SendLocalListStatus.VersionMismatch, "Differential version " + versionNumber + " is not above the installed " + _version + " (D01.FR.19)");
                }

                next = new Hashtable();
                foreach (DictionaryEntry entry in _entries)
                {
                    next[entry.Key] = entry.Value;
                }

                for (int i = 0; i < items.Length; i++)
                {
                    string key = items[i].Token.Key;
                    if (items[i].Info == null)
                    {
                        next.Remove(key); // D01.FR.17
                    }
                    else
                    {
                        Replace(next, key, new AuthorizationData(items[i].Token, items[i].Info.Copy())); // D01.FR.16
                    }
                }
            }

            if (next.Count > _config.MaxEntries)
            {
                return Refuse(SendLocalListStatus.Failed, "the list would hold " + next.Count + " entries, LocalAuthListCtrlr.Entries allows " + _config.MaxEntries);
            }

            int bytes = RecordBytes(next);
            if (bytes > _config.StorageBytes)
            {
                return Refuse(SendLocalListStatus.Failed, "the list would need " + bytes + " bytes, LocalAuthListCtrlr.Storage allows " + _config.StorageBytes);
            }

            try
            {
                Persist(versionNumber, next);
            }
            catch (StorageFullException e)
            {
                return Refuse(SendLocalListStatus.Failed, "file store full: " + e.Message);
            }

            _entries = next;
            _version = versionNumber;
            _log.Write(LogLevel.Info, Component, LocalListUpdateTypeText.Of(updateType) + " update to version " + versionNumber + ": " + next.Count + " entries");
            return new SendLocalListResult(SendLocalListStatus.Accepted, null);
        }

        private SendLocalListResult Refuse(SendLocalListStatus status, string reason)
        {
            _log.Write(LogLevel.Warning, Component, "SendLocalList " + SendLocalListStatusText.Of(status) + ": " + reason);
            return new SendLocalListResult(status, reason);
        }

        private static int RecordBytes(Hashtable entries)
        {
            int bytes = FixedRecordBytes;
            foreach (DictionaryEntry entry in entries)
            {
                AuthorizationData data = (AuthorizationData)entry.Value;
                bytes += AuthRecordCodec.TokenBytes(data.Token) + AuthRecordCodec.InfoBytes(data.Info);
            }

            return bytes;
        }

        private void Persist(int version, Hashtable entries)
        {
            StoreRecordWriter writer = new StoreRecordWriter(RecordKind, FormatVersion, RecordBytes(entries));
            writer.WriteInt32(version);
            writer.WriteInt32(entries.Count);
            foreach (DictionaryEntry entry in entries)
            {
                AuthorizationData data = (AuthorizationData)entry.Value;
                AuthRecordCodec.WriteToken(writer, data.Token);
                AuthRecordCodec.WriteInfo(writer, data.Info);
            }

            byte[] record = writer.Finish();
            _store.WriteAtomic(RecordName, record, writer.Length);
        }

        /// <summary>
        /// Sets <paramref name="key"/> to <paramref name="value"/> without the Hashtable indexer: on
        /// nanoFramework (System.Collections 1.5) setting a key that is already present, after some
        /// other key was removed, can add a second entry for it instead of replacing the first
        /// (found by the on-target tests); removing it first and adding it again is exact on both runtimes.
        /// </summary>
        private static void Replace(Hashtable table, object key, object value)
        {
            if (table.Contains(key))
            {
                table.Remove(key);
            }

            table.Add(key, value);
        }
    }
}
