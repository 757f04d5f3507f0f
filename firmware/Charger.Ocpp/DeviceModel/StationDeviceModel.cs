using System.Collections;
using System.Text;
using Charger.Hal;
using Charger.Ocpp.Json;
using Charger.Ocpp.Security;

namespace Charger.Ocpp.DeviceModel
{
    /// <summary>
    /// The station's components and variables (OCPP 2.0.1 part 1 section 4, part 2 appendix 3):
    /// lookup, the write rules of SetVariables, and persistence of writable values in one file
    /// store record. Reports walk <see cref="Count"/> / <see cref="At"/> in declaration order.
    /// </summary>
    public sealed class StationDeviceModel
    {
        private const string Component = "ocpp.dm";

        /// <summary>File store record holding persisted values.</summary>
        public const string RecordName = "ocpp-device-model";

        private readonly Hashtable _byKey = new Hashtable();
        private readonly Hashtable _components = new Hashtable();
        private readonly Hashtable _componentNames = new Hashtable();
        private readonly ArrayList _ordered = new ArrayList();
        private readonly IFileStore _store;
        private readonly ILog _log;
        private readonly IRandomSource _random;
        private int _hashBudget = -1;
        private PasswordHashJob _hashJob;
        private Variable _hashVariable;
        private AttributeType _hashAttribute;
        private bool _dirty;

        public StationDeviceModel(IFileStore store, ILog log, IRandomSource random)
        {
            _store = store;
            _log = log;
            _random = random;
        }

        public event VariableChangedHandler Changed;

        /// <summary>Rules other features add to SetVariables (NetworkConfigurationPriority must name stored profiles).</summary>
        public VariableValueCheck ValueCheck;

        public int Count
        {
            get { return _ordered.Count; }
        }

        public bool IsDirty
        {
            get { return _dirty; }
        }

        public Variable At(int index)
        {
            return (Variable)_ordered[index];
        }

        public Variable Add(Variable variable)
        {
            // Component and variable names are case-insensitive in OCPP 2.0.1 (part 2, device
            // model): lookups go through lower-case keys; the declared spelling is what is reported
            // and what the file store keeps.
            if (_byKey.Contains(Lookup(variable.Key)))
            {
                throw new System.ArgumentException("variable declared twice: " + variable.Key);
            }

            _byKey[Lookup(variable.Key)] = variable;
            _components[Lookup(Variable.MakeComponentKey(variable.ComponentName, variable.ComponentInstance, variable.EvseId, variable.ConnectorId))] = true;
            _componentNames[Lookup(variable.ComponentName)] = true;
            _ordered.Add(variable);
            return variable;
        }

        /// <summary>The variable, or null.</summary>
        public Variable Find(string componentName, string componentInstance, int evseId, int connectorId, string name, string instance)
        {
            return (Variable)_byKey[Lookup(Variable.MakeKey(componentName, componentInstance, evseId, connectorId, name, instance))];
        }

        /// <summary>A station-level variable without instances.</summary>
        public Variable Find(string componentName, string name)
        {
            return Find(componentName, null, 0, 0, name, null);
        }

        public bool HasComponent(string componentName, string componentInstance, int evseId, int connectorId)
        {
            return _components.Contains(Lookup(Variable.MakeComponentKey(componentName, componentInstance, evseId, connectorId)));
        }

        /// <summary>Whether any component of this name exists (used to tell UnknownComponent from a wrong EVSE).</summary>
        public bool HasComponentName(string componentName)
        {
            return componentName != null && _componentNames.Contains(Lookup(componentName));
        }

        private static string Lookup(string key)
        {
            return key.ToLower();
        }

        /// <summary>
        /// Reads an attribute as GetVariables does (B06): WriteOnly and hashed values are Rejected.
        /// <paramref name="value"/> is set only when the status is Accepted.
        /// </summary>
        public GetVariableStatus TryGet(string componentName, string componentInstance, int evseId, int connectorId,
            string name, string instance, AttributeType type, out string value)
        {
            value = null;
            if (!HasComponent(componentName, componentInstance, evseId, connectorId))
            {
                return GetVariableStatus.UnknownComponent;
            }

            Variable variable = Find(componentName, componentInstance, evseId, connectorId, name, instance);
            if (variable == null)
            {
                return GetVariableStatus.UnknownVariable;
            }

            if (!variable.HasAttribute(type))
            {
                return GetVariableStatus.NotSupportedAttributeType;
            }

            if (variable.GetMutability(type) == Mutability.WriteOnly || variable.Hashed)
            {
                return GetVariableStatus.Rejected;
            }

            value = variable.GetValue(type);
            if (value == null)
            {
                value = "";
            }

            return GetVariableStatus.Accepted;
        }

        /// <summary>reasonCode (at most 20 characters) of a hashed value refused because the hashing budget is spent.</summary>
        public const string HashLimitReason = "OneHashPerMessage";

        /// <summary>
        /// How many hashed values (passwords) <see cref="TrySet"/> may still hash, or -1 for no limit. Each
        /// hash costs <see cref="PasswordHash.DefaultIterations"/> SHA-256 rounds inside the tick; SetVariables
        /// sets a budget per message so a CSMS cannot make one tick hash 20 passwords (issue 13).
        /// </summary>
        public int HashBudget
        {
            get { return _hashBudget; }
            set { _hashBudget = value < 0 ? -1 : value; }
        }

        /// <summary>SHA-256 rounds of a pending password hash done per <see cref="StepHashing"/> (one OCPP tick).</summary>
        public const int HashRoundsPerStep = 10;

        /// <summary>True while a password set by the CSMS is still being hashed; the old value stays in force until done.</summary>
        public bool HashPending
        {
            get { return _hashJob != null; }
        }

        /// <summary>
        /// Advances a pending password hash by <see cref="HashRoundsPerStep"/> rounds (about 4 ms on the 32-bit
        /// nanoCLR host interpreter, where 1,000 rounds took 420 ms); when it completes, the value is stored,
        /// persisted and announced. Called once per OCPP tick, so a password set by the CSMS takes effect after
        /// 100 ticks (5 s at the 50 ms OCPP period): slow for a human, harmless for the safety loop.
        /// </summary>
        public void StepHashing()
        {
            PasswordHashJob job = _hashJob;
            if (job == null || !job.Step(HashRoundsPerStep))
            {
                return;
            }

            _hashJob = null;
            Variable variable = _hashVariable;
            _hashVariable = null;
            variable.StoreValue(_hashAttribute, job.Result);
            if (variable.Persistent)
            {
                _dirty = true;
            }

            RaiseChanged(variable, _hashAttribute);
            SaveIfDirty();
        }

        /// <summary>
        /// Writes an attribute as SetVariables does (B05): only writable attributes, only values
        /// the characteristics allow. <paramref name="reason"/> explains a Rejected.
        /// </summary>
        public SetVariableStatus TrySet(string componentName, string componentInstance, int evseId, int connectorId,
            string name, string instance, AttributeType type, string value, int maxValueLength, out string reason)
        {
            reason = null;
            if (!HasComponent(componentName, componentInstance, evseId, connectorId))
            {
                return SetVariableStatus.UnknownComponent;
            }

            Variable variable = Find(componentName, componentInstance, evseId, connectorId, name, instance);
            if (variable == null)
            {
                return SetVariableStatus.UnknownVariable;
            }

            if (!variable.HasAttribute(type))
            {
                return SetVariableStatus.NotSupportedAttributeType;
            }

            if (variable.GetMutability(type) == Mutability.ReadOnly || variable.Constant)
            {
                reason = "ReadOnly";
                return SetVariableStatus.Rejected;
            }

            if (maxValueLength > 0 && value.Length > maxValueLength)
            {
                reason = "ValueTooLong";
                return SetVariableStatus.Rejected;
            }

            reason = CheckValue(variable, value);
            if (reason == null && ValueCheck != null)
            {
                reason = ValueCheck(variable, value);
            }

            if (reason != null)
            {
                return SetVariableStatus.Rejected;
            }

            if (variable.Hashed)
            {
                if (_hashBudget == 0)
                {
                    reason = HashLimitReason;
                    return SetVariableStatus.Rejected;
                }

                if (_hashBudget > 0)
                {
                    // From the CSMS: hashed over the next ticks (StepHashing), a newer value replacing a pending one.
                    _hashBudget--;
                    _hashJob = new PasswordHashJob(value, _random, PasswordHash.DefaultIterations);
                    _hashVariable = variable;
                    _hashAttribute = type;
                    return variable.RebootRequired ? SetVariableStatus.RebootRequired : SetVariableStatus.Accepted;
                }

                // Local (console, provisioning): hashed at once; a technician's command, not a peer's message.
                variable.StoreValue(type, PasswordHash.Create(value, _random, PasswordHash.DefaultIterations));
            }
            else
            {
                variable.StoreValue(type, value);
            }

            if (variable.Persistent)
            {
                _dirty = true;
            }

            RaiseChanged(variable, type);
            return variable.RebootRequired ? SetVariableStatus.RebootRequired : SetVariableStatus.Accepted;
        }

        /// <summary>The station itself updates a value (availability, measured state): no mutability check, no persistence.</summary>
        public void SetInternal(Variable variable, AttributeType type, string value)
        {
            if (variable.GetValue(type) == value)
            {
                return;
            }

            variable.StoreValue(type, value);
            RaiseChanged(variable, type);
        }

        /// <summary>The station sets a persistent value from its own logic (HeartbeatInterval from BootNotification).</summary>
        public void SetPersistent(Variable variable, AttributeType type, string value)
        {
            if (variable.GetValue(type) == value)
            {
                return;
            }

            variable.StoreValue(type, value);
            if (variable.Persistent)
            {
                _dirty = true;
            }

            RaiseChanged(variable, type);
        }

        /// <summary>Checks a candidate password against a hashed variable (the console's login).</summary>
        public bool VerifyHashed(Variable variable, string candidate)
        {
            return variable.Hashed && PasswordHash.Verify(candidate, variable.GetValue(AttributeType.Actual));
        }

        /// <summary>
        /// Why <paramref name="value"/> does not fit the variable's data type and characteristics,
        /// or null when it does.
        /// </summary>
        public static string CheckValue(Variable variable, string value)
        {
            switch (variable.DataType)
            {
                case DataType.Integer:
                    long integer;
                    if (!JsonNumber.TryParseInteger(value, out integer))
                    {
                        return "NotAnInteger";
                    }

                    return CheckLimits(variable, integer);

                case DataType.Decimal:
                    if (!IsDecimalText(value))
                    {
                        return "NotADecimal";
                    }

                    return CheckLimits(variable, JsonNumber.ParseDouble(value));

                case DataType.Boolean:
                    return value == "true" || value == "false" ? null : "NotABoolean";

                case DataType.DateTime:
                    System.DateTime unused;
                    return Rfc3339.TryParse(value, out unused) ? null : "NotADateTime";

                case DataType.OptionList:
                    return IsListed(variable.ValuesList, value) ? null : "NotInValuesList";

                case DataType.MemberList:
                case DataType.SequenceList:
                    if (value.Length == 0)
                    {
                        return null;
                    }

                    string[] members = value.Split(',');
                    for (int i = 0; i < members.Length; i++)
                    {
                        if (!IsListed(variable.ValuesList, members[i]))
                        {
                            return "NotInValuesList";
                        }

                        for (int j = 0; j < i; j++)
                        {
                            if (members[j] == members[i])
                            {
                                return "DuplicateMember";
                            }
                        }
                    }

                    return null;

                default:
                    if (variable.HasMaxLimit && value.Length > variable.MaxLimit)
                    {
                        return "ValueTooLong";
                    }

                    if (variable.HasMinLimit && value.Length < variable.MinLimit)
                    {
                        return "ValueTooShort";
                    }

                    return null;
            }
        }

        /// <summary>Writes changed persistent values to the file store; false (and logged) when the store refused.</summary>
        public bool SaveIfDirty()
        {
            if (!_dirty)
            {
                return true;
            }

            JsonWriter writer = new JsonWriter(4, 65536);
            writer.BeginObject();
            for (int i = 0; i < _ordered.Count; i++)
            {
                Variable variable = (Variable)_ordered[i];
                if (!variable.Persistent)
                {
                    continue;
                }

                for (int a = 0; a < 4; a++)
                {
                    AttributeType type = (AttributeType)a;
                    if (variable.HasAttribute(type) && variable.GetMutability(type) != Mutability.ReadOnly)
                    {
                        string stored = variable.Hashed ? variable.GetValue(type) : RawValue(variable, type);
                        if (stored != null)
                        {
                            writer.Property(variable.Key + "#" + DeviceModelNames.AttributeName(type), stored);
                        }
                    }
                }
            }

            writer.EndObject();
            byte[] bytes = Encoding.UTF8.GetBytes(writer.ToString());
            try
            {
                _store.WriteAtomic(RecordName, bytes, bytes.Length);
            }
            catch (StorageFullException e)
            {
                _log.Write(LogLevel.Error, Component, "device model not saved: " + e.Message);
                return false;
            }

            _dirty = false;
            return true;
        }

        /// <summary>
        /// Restores persisted values. A value that no longer fits its variable (firmware changed
        /// the limits) is skipped and logged; a corrupt record is logged and the defaults stay.
        /// </summary>
        public void Load()
        {
            byte[] bytes = _store.Read(RecordName);
            if (bytes == null)
            {
                return;
            }

            JsonValue root;
            try
            {
                root = new JsonParser(4, 65536).Parse(Encoding.UTF8.GetString(bytes, 0, bytes.Length));
            }
            catch (JsonException e)
            {
                _log.Write(LogLevel.Error, Component, "stored device model unreadable, using defaults: " + e.Message);
                return;
            }

            if (root.Kind != JsonValueKind.Object)
            {
                _log.Write(LogLevel.Error, Component, "stored device model is not an object, using defaults");
                return;
            }

            for (int i = 0; i < root.Count; i++)
            {
                string key = root.NameAt(i);
                JsonValue value = root[i];
                int hash = key.LastIndexOf('#');
                AttributeType type;
                Variable variable = hash < 0 ? null : (Variable)_byKey[Lookup(key.Substring(0, hash))];
                if (variable == null || value.Kind != JsonValueKind.String
                    || !DeviceModelNames.TryParseAttribute(key.Substring(hash + 1), out type) || !variable.HasAttribute(type))
                {
                    _log.Write(LogLevel.Warning, Component, "stored value for unknown variable " + key + " ignored");
                    continue;
                }

                if (!variable.Hashed && CheckValue(variable, value.Text) != null)
                {
                    _log.Write(LogLevel.Warning, Component, "stored value of " + key + " no longer valid, default kept");
                    continue;
                }

                variable.StoreValue(type, value.Text);
            }
        }

        private static string RawValue(Variable variable, AttributeType type)
        {
            // Read the stored text, not a live reader's value.
            VariableReader reader = variable.Reader;
            variable.Reader = null;
            string value = variable.GetValue(type);
            variable.Reader = reader;
            return value;
        }

        private void RaiseChanged(Variable variable, AttributeType type)
        {
            VariableChangedHandler handler = Changed;
            if (handler != null)
            {
                handler(variable, type);
            }
        }

        private static string CheckLimits(Variable variable, double value)
        {
            if (variable.HasMinLimit && value < variable.MinLimit)
            {
                return "BelowMinLimit";
            }

            if (variable.HasMaxLimit && value > variable.MaxLimit)
            {
                return "AboveMaxLimit";
            }

            return null;
        }

        private static bool IsListed(string valuesList, string value)
        {
            if (valuesList == null)
            {
                return false;
            }

            string[] allowed = valuesList.Split(',');
            for (int i = 0; i < allowed.Length; i++)
            {
                if (allowed[i] == value)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDecimalText(string text)
        {
            int i = 0;
            if (text.Length > 0 && text[0] == '-')
            {
                i++;
            }

            int digits = 0;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9')
            {
                i++;
                digits++;
            }

            if (i < text.Length && text[i] == '.')
            {
                i++;
                int fraction = 0;
                while (i < text.Length && text[i] >= '0' && text[i] <= '9')
                {
                    i++;
                    fraction++;
                }

                if (fraction == 0)
                {
                    return false;
                }
            }

            return digits > 0 && i == text.Length;
        }
    }
}
