using Charger.Hal;

namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Makes transactionIds that are unique per station for its whole life (OCPP 2.0.1 E §1.2):
    /// a persisted counter, written before the id is handed out so a reboot can never reuse it,
    /// plus 32 random bits so that a wiped store (factory reset, replaced flash) does not repeat
    /// the ids of the station's earlier life. The form "T&lt;counter&gt;-&lt;8 hex&gt;" stays
    /// well inside the 36 characters of transactionId.
    /// </summary>
    public sealed class TransactionIdGenerator
    {
        public const string RecordName = "txid.counter";

        private const byte RecordKind = 0x49;
        private const byte FormatVersion = 1;
        private const int RandomBytes = 4;
        private const string HexDigits = "0123456789abcdef";
        private const string Component = "TxId";

        private readonly IFileStore _store;
        private readonly IRandomSource _random;
        private readonly ILog _log;
        private long _counter = -1;

        public TransactionIdGenerator(IFileStore store, IRandomSource random, ILog log)
        {
            _store = store;
            _random = random;
            _log = log;
        }

        /// <summary>Ids handed out so far (the persisted counter).</summary>
        public long IssuedCount
        {
            get
            {
                EnsureLoaded();
                return _counter;
            }
        }

        public string Next()
        {
            EnsureLoaded();
            long next = _counter + 1;
            StoreRecordWriter writer = new StoreRecordWriter(RecordKind, FormatVersion, 16);
            writer.WriteInt64(next);
            byte[] record = writer.Finish();
            _store.WriteAtomic(RecordName, record, writer.Length);
            _counter = next;

            byte[] random = new byte[RandomBytes];
            _random.NextBytes(random);
            char[] hex = new char[RandomBytes * 2];
            for (int i = 0; i < RandomBytes; i++)
            {
                hex[2 * i] = HexDigits[random[i] >> 4];
                hex[2 * i + 1] = HexDigits[random[i] & 0x0F];
            }

            return "T" + next.ToString() + "-" + new string(hex);
        }

        private void EnsureLoaded()
        {
            if (_counter >= 0)
            {
                return;
            }

            _counter = 0;
            byte[] data = _store.Read(RecordName);
            if (data == null)
            {
                return;
            }

            try
            {
                StoreRecordReader reader = new StoreRecordReader(RecordName, data, RecordKind, FormatVersion);
                _counter = reader.ReadInt64();
            }
            catch (CorruptRecordException e)
            {
                // The random part still keeps new ids apart from the old ones.
                _log.Write(LogLevel.Error, Component, "transaction counter unreadable, restarting it at 0: " + e.Message);
            }
        }
    }
}
