using Charger.Ocpp.Json;

namespace Charger.Ocpp.DeviceModel
{
    /// <summary>
    /// One variable of one component (OCPP 2.0.1 part 1, section 4 device model): up to four
    /// attributes (Actual, Target, MinSet, MaxSet), each with its own value and mutability, and
    /// the characteristics that bound what a value may be. The Actual value is also kept parsed
    /// (<see cref="IntValue"/>, <see cref="BoolValue"/>) so the client reads configuration
    /// without parsing text in the tick.
    /// </summary>
    public sealed class Variable
    {
        // Memory: a board holds about a hundred variables, and on nanoCLR every field and every array
        // costs 12-byte heap blocks, so the flags, the attribute presence and mutability are packed
        // into one int and only the Actual value has its own field (the other three attribute values
        // share an array made on first use). About 200 bytes a variable instead of about 500.
        private const int FlagHasMinLimit = 1 << 0;
        private const int FlagHasMaxLimit = 1 << 1;
        private const int FlagPersistent = 1 << 2;
        private const int FlagConstant = 1 << 3;
        private const int FlagRebootRequired = 1 << 4;
        private const int FlagHashed = 1 << 5;
        private const int FlagInSummary = 1 << 6;
        private const int FlagBoolValue = 1 << 7;
        private const int PresentShift = 8;
        private const int MutabilityShift = 12;

        private readonly string _componentName;
        private readonly string _componentInstance;
        private readonly string _name;
        private readonly string _instance;
        private readonly string _key;

        // evseId (bits 0-15), connectorId (16-23), data type (24-31).
        private readonly int _location;
        private int _flags;
        private string _actual;
        private string[] _otherValues;
        private long _intValue;
        private double _minLimit;
        private double _maxLimit;
        private string _unit;
        private string _valuesList;
        private VariableReader _reader;

        /// <param name="evseId">0 when the component is not on an EVSE.</param>
        /// <param name="connectorId">0 when the component is not on a connector.</param>
        public Variable(string componentName, string componentInstance, int evseId, int connectorId, string name, string instance, DataType dataType)
        {
            if (evseId < 0 || evseId > 0xFFFF || connectorId < 0 || connectorId > 0xFF)
            {
                throw new System.ArgumentOutOfRangeException("evseId", "evse 0..65535, connector 0..255");
            }

            _componentName = componentName;
            _componentInstance = componentInstance;
            _location = evseId | (connectorId << 16) | ((int)dataType << 24);
            _name = name;
            _instance = instance;
            _key = MakeKey(componentName, componentInstance, evseId, connectorId, name, instance);
            Persistent = true;
        }

        public string ComponentName
        {
            get { return _componentName; }
        }

        public string ComponentInstance
        {
            get { return _componentInstance; }
        }

        public int EvseId
        {
            get { return _location & 0xFFFF; }
        }

        public int ConnectorId
        {
            get { return (_location >> 16) & 0xFF; }
        }

        public string Name
        {
            get { return _name; }
        }

        public string Instance
        {
            get { return _instance; }
        }

        public DataType DataType
        {
            get { return (DataType)((_location >> 24) & 0xFF); }
        }

        /// <summary>Unique identity of component and variable, used as the lookup and persistence key.</summary>
        public string Key
        {
            get { return _key; }
        }

        public string Unit
        {
            get { return _unit; }
            set { _unit = value; }
        }

        /// <summary>Comma-separated allowed values of an OptionList, MemberList or SequenceList.</summary>
        public string ValuesList
        {
            get { return _valuesList; }
            set { _valuesList = value; }
        }

        public bool HasMinLimit
        {
            get { return Flag(FlagHasMinLimit); }
            set { SetFlag(FlagHasMinLimit, value); }
        }

        public double MinLimit
        {
            get { return _minLimit; }
            set { _minLimit = value; }
        }

        /// <summary>For numbers the largest value; for strings the longest length.</summary>
        public bool HasMaxLimit
        {
            get { return Flag(FlagHasMaxLimit); }
            set { SetFlag(FlagHasMaxLimit, value); }
        }

        public double MaxLimit
        {
            get { return _maxLimit; }
            set { _maxLimit = value; }
        }

        /// <summary>Stored through the file store and restored at start-up.</summary>
        public bool Persistent
        {
            get { return Flag(FlagPersistent); }
            set { SetFlag(FlagPersistent, value); }
        }

        /// <summary>The value never changes (reported as constant).</summary>
        public bool Constant
        {
            get { return Flag(FlagConstant); }
            set { SetFlag(FlagConstant, value); }
        }

        /// <summary>A new value takes effect only after a reboot: SetVariables answers RebootRequired.</summary>
        public bool RebootRequired
        {
            get { return Flag(FlagRebootRequired); }
            set { SetFlag(FlagRebootRequired, value); }
        }

        /// <summary>The value is kept only as a salted hash (a password); it can be checked, never read.</summary>
        public bool Hashed
        {
            get { return Flag(FlagHashed); }
            set { SetFlag(FlagHashed, value); }
        }

        /// <summary>Part of a SummaryInventory report (availability and problem state).</summary>
        public bool InSummary
        {
            get { return Flag(FlagInSummary); }
            set { SetFlag(FlagInSummary, value); }
        }

        /// <summary>When set, supplies the Actual value at read time instead of the stored one.</summary>
        public VariableReader Reader
        {
            get { return _reader; }
            set { _reader = value; }
        }

        /// <summary>The Actual value parsed as an integer (0 when not an integer).</summary>
        public long IntValue
        {
            get { return _intValue; }
        }

        /// <summary>The Actual value parsed as a boolean.</summary>
        public bool BoolValue
        {
            get { return Flag(FlagBoolValue); }
        }

        /// <summary>The Actual value as text.</summary>
        public string Value
        {
            get { return GetValue(AttributeType.Actual); }
        }

        /// <summary>Declares an attribute with its mutability and initial value; returns this variable for chaining.</summary>
        public Variable WithAttribute(AttributeType type, Mutability mutability, string value)
        {
            int slot = (int)type;
            _flags |= 1 << (PresentShift + slot);
            _flags = (_flags & ~(3 << (MutabilityShift + 2 * slot))) | (((int)mutability & 3) << (MutabilityShift + 2 * slot));
            StoreValue(type, value);
            return this;
        }

        public bool HasAttribute(AttributeType type)
        {
            return (_flags & (1 << (PresentShift + (int)type))) != 0;
        }

        public Mutability GetMutability(AttributeType type)
        {
            return (Mutability)((_flags >> (MutabilityShift + 2 * (int)type)) & 3);
        }

        /// <summary>The stored (or read) value, or null when the attribute does not exist.</summary>
        public string GetValue(AttributeType type)
        {
            if (!HasAttribute(type))
            {
                return null;
            }

            if (type == AttributeType.Actual)
            {
                return _reader != null ? _reader(this) : _actual;
            }

            return _otherValues == null ? null : _otherValues[(int)type - 1];
        }

        internal void StoreValue(AttributeType type, string value)
        {
            if (type != AttributeType.Actual)
            {
                if (_otherValues == null)
                {
                    if (value == null)
                    {
                        return;
                    }

                    _otherValues = new string[3];
                }

                _otherValues[(int)type - 1] = value;
                return;
            }

            _actual = value;
            if (value != null)
            {
                long parsed;
                _intValue = JsonNumber.TryParseInteger(value, out parsed) ? parsed : 0;
                SetFlag(FlagBoolValue, value == "true");
            }
        }

        private bool Flag(int flag)
        {
            return (_flags & flag) != 0;
        }

        private void SetFlag(int flag, bool on)
        {
            _flags = on ? _flags | flag : _flags & ~flag;
        }

        public static string MakeKey(string componentName, string componentInstance, int evseId, int connectorId, string name, string instance)
        {
            return componentName + "/" + (componentInstance == null ? "" : componentInstance) + "/" + evseId + "/" + connectorId
                + "/" + name + "/" + (instance == null ? "" : instance);
        }

        public static string MakeComponentKey(string componentName, string componentInstance, int evseId, int connectorId)
        {
            return componentName + "/" + (componentInstance == null ? "" : componentInstance) + "/" + evseId + "/" + connectorId;
        }
    }
}
