using System.Collections;

namespace Charger.Ocpp.Rpc.Schema
{
    /// <summary>
    /// The subset of JSON Schema draft 6 that the OCPP 2.0.1 message schemas use: typed values,
    /// objects with required members and additionalProperties false, string maxLength, enums,
    /// arrays with minItems/maxItems, integer and number minimum. Built once at start-up by the
    /// handler that owns the message; every object accepts the optional "customData" member the
    /// official schemas give it.
    /// </summary>
    public sealed class SchemaNode
    {
        public const int Unbounded = -1;

        private readonly SchemaKind _kind;
        private readonly ArrayList _names;
        private readonly ArrayList _children;
        private readonly ArrayList _required;
        private int _maxLength = Unbounded;
        private int _minItems = Unbounded;
        private int _maxItems = Unbounded;
        private string[] _enumValues;
        private SchemaNode _items;
        private bool _hasMinimum;
        private double _minimum;

        private SchemaNode(SchemaKind kind)
        {
            _kind = kind;
            if (kind == SchemaKind.Object)
            {
                _names = new ArrayList();
                _children = new ArrayList();
                _required = new ArrayList();
            }
        }

        public static SchemaNode Object()
        {
            return new SchemaNode(SchemaKind.Object);
        }

        public static SchemaNode String(int maxLength)
        {
            SchemaNode node = new SchemaNode(SchemaKind.String);
            node._maxLength = maxLength;
            return node;
        }

        public static SchemaNode Enum(string[] values)
        {
            SchemaNode node = new SchemaNode(SchemaKind.String);
            node._enumValues = values;
            return node;
        }

        public static SchemaNode Integer()
        {
            return new SchemaNode(SchemaKind.Integer);
        }

        public static SchemaNode IntegerAtLeast(long minimum)
        {
            SchemaNode node = new SchemaNode(SchemaKind.Integer);
            node._hasMinimum = true;
            node._minimum = minimum;
            return node;
        }

        public static SchemaNode Number()
        {
            return new SchemaNode(SchemaKind.Number);
        }

        public static SchemaNode Boolean()
        {
            return new SchemaNode(SchemaKind.Boolean);
        }

        public static SchemaNode DateTime()
        {
            return new SchemaNode(SchemaKind.DateTime);
        }

        public static SchemaNode CustomData()
        {
            return new SchemaNode(SchemaKind.CustomData);
        }

        public static SchemaNode Any()
        {
            return new SchemaNode(SchemaKind.Any);
        }

        public static SchemaNode ArrayOf(SchemaNode items, int minItems, int maxItems)
        {
            SchemaNode node = new SchemaNode(SchemaKind.Array);
            node._items = items;
            node._minItems = minItems;
            node._maxItems = maxItems;
            return node;
        }

        /// <summary>Adds a required member; returns this node for chaining.</summary>
        public SchemaNode Required(string name, SchemaNode schema)
        {
            _names.Add(name);
            _children.Add(schema);
            _required.Add(true);
            return this;
        }

        /// <summary>Adds an optional member; returns this node for chaining.</summary>
        public SchemaNode Optional(string name, SchemaNode schema)
        {
            _names.Add(name);
            _children.Add(schema);
            _required.Add(false);
            return this;
        }

        public SchemaKind Kind
        {
            get { return _kind; }
        }

        public int MaxLength
        {
            get { return _maxLength; }
        }

        public int MinItems
        {
            get { return _minItems; }
        }

        public int MaxItems
        {
            get { return _maxItems; }
        }

        public string[] EnumValues
        {
            get { return _enumValues; }
        }

        public SchemaNode Items
        {
            get { return _items; }
        }

        public bool HasMinimum
        {
            get { return _hasMinimum; }
        }

        public double Minimum
        {
            get { return _minimum; }
        }

        public int MemberCount
        {
            get { return _names == null ? 0 : _names.Count; }
        }

        public string MemberName(int index)
        {
            return (string)_names[index];
        }

        public SchemaNode MemberSchema(int index)
        {
            return (SchemaNode)_children[index];
        }

        public bool MemberRequired(int index)
        {
            return (bool)_required[index];
        }

        /// <summary>Schema of the member called <paramref name="name"/>, or null when the object does not declare it.</summary>
        public SchemaNode Member(string name)
        {
            for (int i = 0; i < _names.Count; i++)
            {
                if ((string)_names[i] == name)
                {
                    return (SchemaNode)_children[i];
                }
            }

            return null;
        }
    }
}
