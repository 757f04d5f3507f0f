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
        private const int AttributeSlots = 4;

        private readonly string _componentName;
        private readonly string _componentInstance;
        private readonly int _evseId;
        private readonly int _connectorId;
        private readonly string _name;
        private readonly string _instance;
        private readonly DataType _dataType;
        private readonly string[] _values = new string[AttributeSlots];
        private readonly bool[] _present = new bool[AttributeSlots];
        private readonly Mutability[] _mutability = new Mutability[AttributeSlots];
        private readonly string _key;
        private long _intValue;
        private bool _boolValue;

        /// <param name="evseId">0 when the component is not on an EVSE.</param>
        /// <param name="connectorId">0 when the component is not on a connector.</param>
        public Variable(string componentName, string componentInstance, int evseId, int connectorId, string name, string instance, DataType dataType)
        {
            _componentName = componentName;
            _componentInstance = componentInstance;
            _evseId = evseId;
            _connectorId = connectorId;
            _name = name;
            _instance = instance;
            _dataType = dataType;
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
            get { return _evseId; }
        }

        public int ConnectorId
        {
            get { return _connectorId; }
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
            get { return _dataType; }
        }

        /// <summary>Unique identity of component and variable, used as the lookup and persistence key.</summary>
        public string Key
        {
            get { return _key; }
        }

        public string Unit { get; set; }

        /// <summary>Comma-separated allowed values of an OptionList, MemberList or SequenceList.</summary>
        public string ValuesList { get; set; }

        public bool HasMinLimit { get; set; }

        public double MinLimit { get; set; }

        /// <summary>For numbers the largest value; for strings the longest length.</summary>
        public bool HasMaxLimit { get; set; }

        public double MaxLimit { get; set; }

        /// <summary>Stored through the file store and restored at start-up.</summary>
        public bool Persistent { get; set; }

        /// <summary>The value never changes (reported as constant).</summary>
        public bool Constant { get; set; }

        /// <summary>A new value takes effect only after a reboot: SetVariables answers RebootRequired.</summary>
        public bool RebootRequired { get; set; }

        /// <summary>The value is kept only as a salted hash (a password); it can be checked, never read.</summary>
        public bool Hashed { get; set; }

        /// <summary>Part of a SummaryInventory report (availability and problem state).</summary>
        public bool InSummary { get; set; }

        /// <summary>When set, supplies the Actual value at read time instead of the stored one.</summary>
        public VariableReader Reader { get; set; }

        /// <summary>The Actual value parsed as an integer (0 when not an integer).</summary>
        public long IntValue
        {
            get { return _intValue; }
        }

        /// <summary>The Actual value parsed as a boolean.</summary>
        public bool BoolValue
        {
            get { return _boolValue; }
        }

        /// <summary>The Actual value as text.</summary>
        public string Value
        {
            get { return GetValue(AttributeType.Actual); }
        }

        /// <summary>Declares an attribute with its mutability and initial value; returns this variable for chaining.</summary>
        public Variable WithAttribute(AttributeType type, Mutability mutability, string value)
        {
            _present[(int)type] = true;
            _mutability[(int)type] = mutability;
            StoreValue(type, value);
            return this;
        }

        public bool HasAttribute(AttributeType type)
        {
            return _present[(int)type];
        }

        public Mutability GetMutability(AttributeType type)
        {
            return _mutability[(int)type];
        }

        /// <summary>The stored (or read) value, or null when the attribute does not exist.</summary>
        public string GetValue(AttributeType type)
        {
            if (!_present[(int)type])
            {
                return null;
            }

            if (type == AttributeType.Actual && Reader != null)
            {
                return Reader(this);
            }

            return _values[(int)type];
        }

        internal void StoreValue(AttributeType type, string value)
        {
            _values[(int)type] = value;
            if (type == AttributeType.Actual && value != null)
            {
                long parsed;
                _intValue = JsonNumber.TryParseInteger(value, out parsed) ? parsed : 0;
                _boolValue = value == "true";
            }
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
