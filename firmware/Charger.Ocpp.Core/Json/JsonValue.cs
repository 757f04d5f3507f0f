using System.Collections;

namespace Charger.Ocpp.Json
{
    /// <summary>
    /// One parsed JSON value. Objects keep their members in document order; lookups are linear,
    /// which is faster than hashing for the handful of members an OCPP object has. Numbers keep
    /// their text so that nothing is lost or reformatted before a handler decides the type.
    /// </summary>
    public sealed class JsonValue
    {
        private readonly JsonValueKind _kind;
        private readonly string _text;
        private readonly ArrayList _names;
        private readonly ArrayList _items;

        private JsonValue(JsonValueKind kind, string text)
        {
            _kind = kind;
            _text = text;
            if (kind == JsonValueKind.Object)
            {
                _names = new ArrayList();
                _items = new ArrayList();
            }
            else if (kind == JsonValueKind.Array)
            {
                _items = new ArrayList();
            }
        }

        public static JsonValue NewObject()
        {
            return new JsonValue(JsonValueKind.Object, null);
        }

        public static JsonValue NewArray()
        {
            return new JsonValue(JsonValueKind.Array, null);
        }

        public static JsonValue NewString(string text)
        {
            return new JsonValue(JsonValueKind.String, text);
        }

        public static JsonValue NewNumber(string text)
        {
            return new JsonValue(JsonValueKind.Number, text);
        }

        public static JsonValue NewLiteral(JsonValueKind kind)
        {
            return new JsonValue(kind, null);
        }

        public JsonValueKind Kind
        {
            get { return _kind; }
        }

        /// <summary>The string of a String value, the number text of a Number value; null otherwise.</summary>
        public string Text
        {
            get { return _text; }
        }

        /// <summary>Members of an object or items of an array.</summary>
        public int Count
        {
            get { return _items == null ? 0 : _items.Count; }
        }

        public bool IsBoolean
        {
            get { return _kind == JsonValueKind.True || _kind == JsonValueKind.False; }
        }

        public bool AsBoolean
        {
            get { return _kind == JsonValueKind.True; }
        }

        public long AsInteger
        {
            get
            {
                long value;
                if (_kind == JsonValueKind.Number && JsonNumber.TryParseInteger(_text, out value))
                {
                    return value;
                }

                if (_kind == JsonValueKind.Number)
                {
                    // Saturate: a double-to-long cast of 1e300 or NaN is undefined and differs by runtime.
                    double d = JsonNumber.ParseDouble(_text);
                    if (!(d > -9.2e18))
                    {
                        return d < 0 ? long.MinValue : 0;
                    }

                    return d >= 9.2e18 ? long.MaxValue : (long)d;
                }

                throw new System.InvalidOperationException("not a number: " + JsonValueKindText.Of(_kind));
            }
        }

        public double AsDouble
        {
            get
            {
                if (_kind != JsonValueKind.Number)
                {
                    throw new System.InvalidOperationException("not a number: " + JsonValueKindText.Of(_kind));
                }

                return JsonNumber.ParseDouble(_text);
            }
        }

        public JsonValue this[int index]
        {
            get { return (JsonValue)_items[index]; }
        }

        /// <summary>Name of the member at <paramref name="index"/> of an object.</summary>
        public string NameAt(int index)
        {
            return (string)_names[index];
        }

        /// <summary>The member called <paramref name="name"/>, or null when absent.</summary>
        public JsonValue Get(string name)
        {
            if (_names == null)
            {
                return null;
            }

            for (int i = 0; i < _names.Count; i++)
            {
                if ((string)_names[i] == name)
                {
                    return (JsonValue)_items[i];
                }
            }

            return null;
        }

        /// <summary>The string member called <paramref name="name"/>, or null when absent or not a string.</summary>
        public string GetString(string name)
        {
            JsonValue v = Get(name);
            return v != null && v._kind == JsonValueKind.String ? v._text : null;
        }

        public long GetInteger(string name, long whenAbsent)
        {
            JsonValue v = Get(name);
            return v != null && v._kind == JsonValueKind.Number ? v.AsInteger : whenAbsent;
        }

        public bool GetBoolean(string name, bool whenAbsent)
        {
            JsonValue v = Get(name);
            return v != null && v.IsBoolean ? v.AsBoolean : whenAbsent;
        }

        /// <summary>Adds a member; false when the object already has one of that name.</summary>
        public bool Add(string name, JsonValue value)
        {
            if (Get(name) != null)
            {
                return false;
            }

            _names.Add(name);
            _items.Add(value);
            return true;
        }

        public void Add(JsonValue item)
        {
            _items.Add(item);
        }

        /// <summary>Writes this value back as JSON text.</summary>
        public void WriteTo(JsonWriter writer)
        {
            switch (_kind)
            {
                case JsonValueKind.Object:
                    writer.BeginObject();
                    for (int i = 0; i < _items.Count; i++)
                    {
                        writer.Name((string)_names[i]);
                        ((JsonValue)_items[i]).WriteTo(writer);
                    }

                    writer.EndObject();
                    break;
                case JsonValueKind.Array:
                    writer.BeginArray();
                    for (int i = 0; i < _items.Count; i++)
                    {
                        ((JsonValue)_items[i]).WriteTo(writer);
                    }

                    writer.EndArray();
                    break;
                case JsonValueKind.String:
                    writer.String(_text);
                    break;
                case JsonValueKind.Number:
                    WriteNumber(writer, _text);
                    break;
                case JsonValueKind.True:
                    writer.Boolean(true);
                    break;
                case JsonValueKind.False:
                    writer.Boolean(false);
                    break;
                default:
                    writer.Null();
                    break;
            }
        }

        // An integral value is echoed in its canonical form: "2.0" and "1e0" pass our integer check (JSON
        // Schema counts them as integers) but a strict validator of the reply refuses them (issue 13).
        private static void WriteNumber(JsonWriter writer, string text)
        {
            long integer;
            if (!JsonNumber.TryParseInteger(text, out integer) && JsonNumber.IsIntegral(text))
            {
                writer.Integer((long)JsonNumber.ParseDouble(text));
                return;
            }

            writer.Raw(text);
        }
    }
}
