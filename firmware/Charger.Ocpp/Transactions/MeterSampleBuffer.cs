namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// A bounded set of meter samples for one meterValue array: a reading, its time, the
    /// ReadingContextEnumType value and the measurands to report. Slots are preallocated; when
    /// full, the oldest sample gives way (TxEndedInterval samples of a very long transaction keep
    /// their most recent part, the Ended message stays bounded).
    /// </summary>
    public sealed class MeterSampleBuffer
    {
        public const string ContextBegin = "Transaction.Begin";
        public const string ContextEnd = "Transaction.End";
        public const string ContextPeriodic = "Sample.Periodic";
        public const string ContextClock = "Sample.Clock";
        public const string ContextTrigger = "Trigger";

        private readonly MeterReading[] _readings;
        private readonly long[] _utcMs;
        private readonly string[] _contexts;
        private readonly int[] _measurands;
        private int _head;
        private int _count;
        private long _overwritten;

        public MeterSampleBuffer(int capacity)
        {
            _readings = new MeterReading[capacity];
            _utcMs = new long[capacity];
            _contexts = new string[capacity];
            _measurands = new int[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _readings[i] = new MeterReading();
            }
        }

        public int Count
        {
            get { return _count; }
        }

        /// <summary>Samples that gave way to newer ones since the last <see cref="Clear"/>.</summary>
        public long Overwritten
        {
            get { return _overwritten; }
        }

        public void Clear()
        {
            _head = 0;
            _count = 0;
            _overwritten = 0;
        }

        /// <summary>Adds a sample; ignored when the reading is unknown or has none of the measurands asked for.</summary>
        public void Add(MeterReading reading, long utcMs, string context, int measurands)
        {
            if (reading == null || (!reading.IsKnown && !reading.HasOffered))
            {
                return;
            }

            // Only what the reading has: an empty sampledValue array breaks the schema (minItems 1).
            int available = Measurands.EnergyActiveImportRegister;
            if (reading.HasPower)
            {
                available |= Measurands.PowerActiveImport;
            }

            if (reading.Phases > 0)
            {
                available |= Measurands.CurrentImport | Measurands.Voltage;
            }

            if (reading.HasOffered)
            {
                available |= Measurands.CurrentOffered;
            }

            measurands &= available;
            if (measurands == 0)
            {
                return;
            }

            int slot;
            if (_count == _readings.Length)
            {
                slot = _head;
                _head = (_head + 1) % _readings.Length;
                _overwritten++;
            }
            else
            {
                slot = (_head + _count) % _readings.Length;
                _count++;
            }

            _readings[slot].CopyFrom(reading);
            _utcMs[slot] = utcMs;
            _contexts[slot] = context;
            _measurands[slot] = measurands;
        }

        public MeterReading ReadingAt(int index)
        {
            return _readings[(_head + index) % _readings.Length];
        }

        public long UtcMsAt(int index)
        {
            return _utcMs[(_head + index) % _readings.Length];
        }

        public string ContextAt(int index)
        {
            return _contexts[(_head + index) % _readings.Length];
        }

        public int MeasurandsAt(int index)
        {
            return _measurands[(_head + index) % _readings.Length];
        }
    }
}
