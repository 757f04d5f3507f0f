using System.Collections;
using Charger.Hal;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// The Authorization Cache (OCPP 2.0.1 C10, C11): what the CSMS last said about each idToken,
    /// kept in one atomically written record of at most AuthCacheCtrlr.Storage bytes, so it
    /// survives reboots and a power cut leaves the old or the new cache, never a mix.
    ///
    /// Entries expire AuthCacheCtrlr.LifeTime seconds after they were last updated (C10.FR.10)
    /// or at their cacheExpiryDateTime (C10.FR.13); an expired entry is kept with status Expired
    /// so that an offline decision still knows the token is not valid, and it is the first to
    /// make room. When full, non-Accepted entries go first, then the policy's choice (C10.FR.07).
    ///
    /// Times are wall-clock Unix epoch ms (UTC) from the OCPP clock, because they must mean the
    /// same thing after a reboot. Use counts and last-use times change on every lookup; they are
    /// written with the next change of content or by <see cref="Flush"/>, to spare the flash.
    /// </summary>
    public sealed class AuthorizationCache
    {
        public const string RecordName = "auth.cache";

        private const byte RecordKind = 0x43;
        private const byte FormatVersion = 1;

        // Header (kind, version), entry count, CRC-32 trailer.
        private const int FixedRecordBytes = 2 + 4 + 4;

        // UpdatedAt, LastUsedAt, UseCount.
        private const int EntryStatsBytes = 8 + 8 + 4;
        private const long MsPerSecond = 1000;
        private const string Component = "AuthCache";

        private readonly IFileStore _store;
        private readonly ILog _log;
        private readonly AuthCacheConfig _config;

        // Oldest first: the order is the FIFO policy's.
        private readonly ArrayList _entries = new ArrayList();
        private bool _usageDirty;
        private long _evictedCount;

        public AuthorizationCache(IFileStore store, ILog log, AuthCacheConfig config)
        {
            if (store == null || log == null || config == null)
            {
                throw new System.ArgumentNullException("store, log and config are required");
            }

            _store = store;
            _log = log;
            _config = config;
        }

        public AuthCacheConfig Config
        {
            get { return _config; }
        }

        public bool Enabled
        {
            get { return _config.Enabled; }
        }

        public int Count
        {
            get { return _entries.Count; }
        }

        /// <summary>Bytes the stored cache occupies (AuthCacheCtrlr.Storage Actual).</summary>
        public int StorageUsedBytes
        {
            get { return RecordBytes(); }
        }

        /// <summary>Entries removed to make room.</summary>
        public long EvictedCount
        {
            get { return _evictedCount; }
        }

        public int Load()
        {
            _entries.Clear();
            byte[] data = _store.Read(RecordName);
            if (data == null)
            {
                return 0;
            }

            try
            {
                StoreRecordReader reader = new StoreRecordReader(RecordName, data, RecordKind, FormatVersion);
                int count = reader.ReadInt32();
                for (int i = 0; i < count; i++)
                {
                    AuthCacheEntry entry = new AuthCacheEntry();
                    entry.Token = AuthRecordCodec.ReadToken(reader);
                    if (entry.Token == null)
                    {
                        throw new CorruptRecordException("cache entry " + i + " has no token");
                    }

                    entry.Info = AuthRecordCodec.ReadInfo(reader);
                    entry.UpdatedAtUtcMs = reader.ReadInt64();
                    entry.LastUsedAtUtcMs = reader.ReadInt64();
                    entry.UseCount = reader.ReadInt32();
                    _entries.Add(entry);
                }

                if (!reader.AtEnd)
                {
                    throw new CorruptRecordException("record " + RecordName + " has bytes after its last entry");
                }
            }
            catch (CorruptRecordException e)
            {
                // The cache is only a copy of CSMS answers: starting empty is safe, and said so.
                _entries.Clear();
                _log.Write(LogLevel.Error, Component, "authorization cache unreadable, starting empty: " + e.Message);
                _store.Delete(RecordName);
            }

            return _entries.Count;
        }

        /// <summary>
        /// Records what the CSMS said of a token in an AuthorizeResponse or TransactionEventResponse
        /// (C10.FR.01, C10.FR.04, C10.FR.05). A cacheExpiryDateTime already past keeps the token out
        /// of the cache and removes it if present (C10.FR.13 note: prepaid tokens). Returns whether
        /// the token is in the cache afterwards.
        /// </summary>
        public bool Store(IdToken token, IdTokenInfo info, long nowUtcMs)
        {
            if (!_config.Enabled)
            {
                return false;
            }

            int index = IndexOf(token);
            if (info.CacheExpiryUtcMs != 0 && info.CacheExpiryUtcMs <= nowUtcMs)
            {
                if (index >= 0)
                {
                    _entries.RemoveAt(index);
                    Persist();
                }

                return false;
            }

            AuthCacheEntry entry;
            if (index >= 0)
            {
                entry = (AuthCacheEntry)_entries[index];
                entry.Token = token;
            }
            else
            {
                entry = new AuthCacheEntry();
                entry.Token = token;
                entry.LastUsedAtUtcMs = nowUtcMs;
            }

            entry.Info = info.Copy();
            entry.UpdatedAtUtcMs = nowUtcMs;
            if (EntryBytes(entry) + FixedRecordBytes > _config.StorageBytes)
            {
                _log.Write(LogLevel.Warning, Component, "token " + token.ToString() + " does not fit a cache of " + _config.StorageBytes + " bytes; not cached");
                if (index >= 0)
                {
                    _entries.RemoveAt(index);
                    Persist();
                }

                return false;
            }

            if (index < 0)
            {
                _entries.Add(entry);
            }

            MarkExpired(nowUtcMs);
            while (RecordBytes() > _config.StorageBytes)
            {
                EvictOne(entry);
            }

            Persist();
            return true;
        }

        /// <summary>
        /// The entry for a token (a copy), or null. An entry past its LifeTime or its
        /// cacheExpiryDateTime comes back with status Expired and stays marked so (C10.FR.10, C10.FR.13).
        /// Null while the cache is disabled.
        /// </summary>
        public AuthCacheEntry Lookup(IdToken token, long nowUtcMs)
        {
            if (!_config.Enabled)
            {
                return null;
            }

            int index = IndexOf(token);
            if (index < 0)
            {
                return null;
            }

            AuthCacheEntry entry = (AuthCacheEntry)_entries[index];
            if (IsPastValidity(entry, nowUtcMs) && entry.Info.Status != AuthorizationStatus.Expired)
            {
                entry.Info.Status = AuthorizationStatus.Expired;
                Persist();
            }

            entry.LastUsedAtUtcMs = nowUtcMs;
            entry.UseCount++;
            _usageDirty = true;
            return entry.Copy();
        }

        /// <summary>ClearCache (C11): Rejected while AuthCacheCtrlr.Enabled is false.</summary>
        public ClearCacheStatus Clear()
        {
            if (!_config.Enabled)
            {
                return ClearCacheStatus.Rejected;
            }

            _entries.Clear();
            _store.Delete(RecordName);
            _usageDirty = false;
            _log.Write(LogLevel.Info, Component, "authorization cache cleared");
            return ClearCacheStatus.Accepted;
        }

        /// <summary>Writes use counts and last-use times changed since the last write; for an idle moment.</summary>
        public void Flush()
        {
            if (_usageDirty)
            {
                Persist();
            }
        }

        /// <summary>Applies a new AuthCacheCtrlr.Storage or LifeTime: marks expiries and evicts down to the bound.</summary>
        public void ApplyConfig(long nowUtcMs)
        {
            MarkExpired(nowUtcMs);
            bool changed = false;
            while (_entries.Count > 0 && RecordBytes() > _config.StorageBytes)
            {
                EvictOne(null);
                changed = true;
            }

            if (changed)
            {
                Persist();
            }
        }

        private bool IsPastValidity(AuthCacheEntry entry, long nowUtcMs)
        {
            if (entry.Info.CacheExpiryUtcMs != 0 && nowUtcMs > entry.Info.CacheExpiryUtcMs)
            {
                return true;
            }

            return _config.LifeTimeS > 0 && nowUtcMs > entry.UpdatedAtUtcMs + _config.LifeTimeS * MsPerSecond;
        }

        private void MarkExpired(long nowUtcMs)
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                AuthCacheEntry entry = (AuthCacheEntry)_entries[i];
                if (IsPastValidity(entry, nowUtcMs))
                {
                    entry.Info.Status = AuthorizationStatus.Expired;
                }
            }
        }

        /// <summary>Removes the least valuable entry other than <paramref name="keep"/>: non-Accepted first, then by policy.</summary>
        private void EvictOne(AuthCacheEntry keep)
        {
            int victim = -1;
            bool victimAccepted = true;
            for (int i = 0; i < _entries.Count; i++)
            {
                AuthCacheEntry candidate = (AuthCacheEntry)_entries[i];
                if (candidate == keep)
                {
                    continue;
                }

                bool accepted = candidate.Info.Status == AuthorizationStatus.Accepted;
                if (victim < 0 || (victimAccepted && !accepted)
                    || (accepted == victimAccepted && GoesBefore(candidate, (AuthCacheEntry)_entries[victim])))
                {
                    victim = i;
                    victimAccepted = accepted;
                }
            }

            if (victim < 0)
            {
                throw new System.InvalidOperationException("nothing left to evict from the authorization cache");
            }

            AuthCacheEntry evicted = (AuthCacheEntry)_entries[victim];
            _entries.RemoveAt(victim);
            _evictedCount++;
            _log.Write(LogLevel.Info, Component, "evicted " + evicted.Token.ToString() + " (" + AuthorizationStatusText.Of(evicted.Info.Status) + ", policy "
                + AuthCachePolicyText.Of(_config.Policy) + ") to stay within " + _config.StorageBytes + " bytes");
        }

        /// <summary>Whether a should be evicted before b under the policy; list order (FIFO) breaks ties.</summary>
        private bool GoesBefore(AuthCacheEntry a, AuthCacheEntry b)
        {
            switch (_config.Policy)
            {
                case AuthCachePolicy.LFU:
                    if (a.UseCount != b.UseCount)
                    {
                        return a.UseCount < b.UseCount;
                    }

                    return a.LastUsedAtUtcMs < b.LastUsedAtUtcMs;
                case AuthCachePolicy.LRU:
                    return a.LastUsedAtUtcMs < b.LastUsedAtUtcMs;
                default:
                    return false;
            }
        }

        private int IndexOf(IdToken token)
        {
            string key = token.Key;
            for (int i = 0; i < _entries.Count; i++)
            {
                if (((AuthCacheEntry)_entries[i]).Token.Key == key)
                {
                    return i;
                }
            }

            return -1;
        }

        private static int EntryBytes(AuthCacheEntry entry)
        {
            return AuthRecordCodec.TokenBytes(entry.Token) + AuthRecordCodec.InfoBytes(entry.Info) + EntryStatsBytes;
        }

        private int RecordBytes()
        {
            int bytes = FixedRecordBytes;
            for (int i = 0; i < _entries.Count; i++)
            {
                bytes += EntryBytes((AuthCacheEntry)_entries[i]);
            }

            return bytes;
        }

        private void Persist()
        {
            if (_entries.Count == 0)
            {
                _store.Delete(RecordName);
                _usageDirty = false;
                return;
            }

            StoreRecordWriter writer = new StoreRecordWriter(RecordKind, FormatVersion, RecordBytes());
            writer.WriteInt32(_entries.Count);
            for (int i = 0; i < _entries.Count; i++)
            {
                AuthCacheEntry entry = (AuthCacheEntry)_entries[i];
                AuthRecordCodec.WriteToken(writer, entry.Token);
                AuthRecordCodec.WriteInfo(writer, entry.Info);
                writer.WriteInt64(entry.UpdatedAtUtcMs);
                writer.WriteInt64(entry.LastUsedAtUtcMs);
                writer.WriteInt32(entry.UseCount);
            }

            byte[] record = writer.Finish();
            _store.WriteAtomic(RecordName, record, writer.Length);
            _usageDirty = false;
        }
    }
}
