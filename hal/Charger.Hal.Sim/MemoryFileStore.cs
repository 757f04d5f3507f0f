using System.Collections;
using Charger.Hal;

namespace Charger.Hal.Sim
{
    /// <summary>
    /// An in-memory <see cref="IFileStore"/> that survives simulated reboots (the simulator keeps
    /// the instance) and can lose power at any chosen write. A cut write keeps either the old or
    /// the new record, as write-to-temporary-then-rename does on LittleFS; after the cut every
    /// operation fails until <see cref="RestorePower"/>.
    /// </summary>
    public sealed class MemoryFileStore : IFileStore
    {
        private readonly Hashtable _records = new Hashtable();
        private readonly int _capacityBytes;
        private int _usedBytes;
        private long _writeCount;
        private long _cutAtWrite = -1;
        private bool _cutKeepsNewContent;
        private int _cutAfterBytes = -1;
        private bool _powerIsCut;

        /// <param name="capacityBytes">Total bytes the store holds; 0 for no limit.</param>
        public MemoryFileStore(int capacityBytes)
        {
            _capacityBytes = capacityBytes;
        }

        public MemoryFileStore() : this(0)
        {
        }

        /// <summary>Completed and attempted writes and deletes since creation.</summary>
        public long WriteCount
        {
            get { return _writeCount; }
        }

        public int UsedBytes
        {
            get { return _usedBytes; }
        }

        public bool PowerIsCut
        {
            get { return _powerIsCut; }
        }

        /// <summary>
        /// Arms a power cut at the write (WriteAtomic or Delete) that is <paramref name="writesFromNow"/>
        /// writes away (1 = the next one). <paramref name="keepNewContent"/> chooses whether that
        /// write committed before power went.
        /// </summary>
        public void CutPowerAtWrite(int writesFromNow, bool keepNewContent)
        {
            if (writesFromNow < 1)
            {
                throw new System.ArgumentOutOfRangeException("writesFromNow", "must be 1 or more");
            }

            _cutAtWrite = _writeCount + writesFromNow;
            _cutKeepsNewContent = keepNewContent;
            _cutAfterBytes = -1;
        }

        /// <summary>
        /// Arms a power cut INSIDE the write that is <paramref name="writesFromNow"/> writes away: only
        /// its first <paramref name="bytesWritten"/> bytes reach the record, over the old content
        /// (the record becomes new[0..n) followed by the old record's bytes from n on). This models a
        /// medium without atomic replace (a raw flash partition), for code that must not rely on
        /// <see cref="IFileStore.WriteAtomic"/> being atomic. A Delete at that write is cut like
        /// <see cref="CutPowerAtWrite"/> with the old content kept.
        /// </summary>
        public void CutPowerInsideWrite(int writesFromNow, int bytesWritten)
        {
            if (bytesWritten < 0)
            {
                throw new System.ArgumentOutOfRangeException("bytesWritten", "must be 0 or more");
            }

            CutPowerAtWrite(writesFromNow, false);
            _cutAfterBytes = bytesWritten;
        }

        /// <summary>Cuts power now, between writes.</summary>
        public void CutPowerNow()
        {
            _powerIsCut = true;
            _cutAtWrite = -1;
            _cutAfterBytes = -1;
        }

        public void RestorePower()
        {
            _powerIsCut = false;
            _cutAtWrite = -1;
            _cutAfterBytes = -1;
        }

        public bool Exists(string name)
        {
            ThrowIfCut();
            return _records.Contains(name);
        }

        public byte[] Read(string name)
        {
            ThrowIfCut();
            byte[] stored = (byte[])_records[name];
            if (stored == null)
            {
                return null;
            }

            byte[] copy = new byte[stored.Length];
            System.Array.Copy(stored, copy, stored.Length);
            return copy;
        }

        public void WriteAtomic(string name, byte[] data, int length)
        {
            ThrowIfCut();
            ValidateName(name);
            if (length < 0 || length > data.Length)
            {
                throw new System.ArgumentOutOfRangeException("length", "outside the buffer");
            }

            byte[] old = (byte[])_records[name];
            int oldLength = old == null ? 0 : old.Length;
            if (_capacityBytes > 0 && _usedBytes - oldLength + length > _capacityBytes)
            {
                throw new StorageFullException("file store full: " + name + " needs " + length + " bytes, "
                    + (_capacityBytes - _usedBytes + oldLength) + " free");
            }

            _writeCount++;
            bool cutHere = _writeCount == _cutAtWrite;
            if (cutHere && _cutAfterBytes >= 0)
            {
                int torn = _cutAfterBytes < length ? _cutAfterBytes : length;
                int tornLength = torn > oldLength ? torn : oldLength;
                byte[] mixed = new byte[tornLength];
                if (old != null)
                {
                    System.Array.Copy(old, mixed, oldLength);
                }

                System.Array.Copy(data, mixed, torn);
                Replace(_records, name, mixed);
                _usedBytes += tornLength - oldLength;
            }
            else if (!cutHere || _cutKeepsNewContent)
            {
                byte[] copy = new byte[length];
                System.Array.Copy(data, copy, length);
                Replace(_records, name, copy);
                _usedBytes += length - oldLength;
            }

            if (cutHere)
            {
                PowerFails(name);
            }
        }

        public bool Delete(string name)
        {
            ThrowIfCut();
            _writeCount++;
            bool cutHere = _writeCount == _cutAtWrite;
            bool existed = _records.Contains(name);
            if (existed && (!cutHere || _cutKeepsNewContent))
            {
                _usedBytes -= ((byte[])_records[name]).Length;
                _records.Remove(name);
            }

            if (cutHere)
            {
                PowerFails(name);
            }

            return existed;
        }

        public string[] List(string prefix)
        {
            ThrowIfCut();
            ArrayList names = new ArrayList();
            foreach (DictionaryEntry entry in _records)
            {
                string name = (string)entry.Key;
                if (name.StartsWith(prefix))
                {
                    InsertOrdered(names, name);
                }
            }

            string[] result = new string[names.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (string)names[i];
            }

            return result;
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

        private void PowerFails(string name)
        {
            _powerIsCut = true;
            _cutAtWrite = -1;
            _cutAfterBytes = -1;
            throw new PowerCutException("power cut while writing " + name);
        }

        private void ThrowIfCut()
        {
            if (_powerIsCut)
            {
                throw new PowerCutException("power is cut");
            }
        }

        private static void ValidateName(string name)
        {
            if (name == null || name.Length == 0)
            {
                throw new System.ArgumentException("a record needs a name");
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c == '/' || c == '\\' || c < ' ' || c > '~')
                {
                    throw new System.ArgumentException("record names are printable ASCII without path separators: " + name);
                }
            }
        }

        private static void InsertOrdered(ArrayList names, string name)
        {
            int i = names.Count;
            while (i > 0 && OrdinalCompare((string)names[i - 1], name) > 0)
            {
                i--;
            }

            names.Insert(i, name);
        }

        // string.CompareOrdinal is not in nanoFramework's mscorlib.
        internal static int OrdinalCompare(string a, string b)
        {
            int n = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < n; i++)
            {
                if (a[i] != b[i])
                {
                    return a[i] - b[i];
                }
            }

            return a.Length - b.Length;
        }
    }
}
