namespace Charger.Ocpp.Json
{
    /// <summary>
    /// Builds a <see cref="JsonValue"/> tree from a <see cref="JsonReader"/>. Iterative, with an
    /// explicit stack bounded by the reader's depth limit, so deep input cannot overflow the
    /// device's small thread stack. Duplicate member names are refused (RFC 8259 section 4
    /// leaves them undefined; OCPP messages never need them).
    /// </summary>
    public sealed class JsonParser
    {
        private readonly JsonReader _reader;
        private readonly JsonValue[] _stack;
        private readonly string[] _pendingNames;

        public JsonParser(int maxDepth, int maxLength)
        {
            _reader = new JsonReader(maxDepth, maxLength);
            _stack = new JsonValue[maxDepth + 1];
            _pendingNames = new string[maxDepth + 1];
        }

        public JsonParser() : this(32, 65536)
        {
        }

        /// <summary>Parses <paramref name="json"/>; throws <see cref="JsonException"/> with the offset and reason when it is not valid.</summary>
        public JsonValue Parse(string json)
        {
            try
            {
                return ParseTree(json);
            }
            finally
            {
                _reader.Release();
                for (int i = 0; i < _stack.Length; i++)
                {
                    _stack[i] = null;
                }
            }
        }

        private JsonValue ParseTree(string json)
        {
            _reader.Start(json);
            int depth = 0;
            string name = null;
            JsonValue root = null;
            while (true)
            {
                JsonTokenType token = _reader.Read();
                JsonValue value;
                switch (token)
                {
                    case JsonTokenType.EndOfInput:
                        return root;
                    case JsonTokenType.PropertyName:
                        name = _reader.Value;
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        _stack[depth] = null;
                        depth--;
                        name = depth > 0 ? _pendingNames[depth] : null;
                        continue;
                    case JsonTokenType.StartObject:
                        value = JsonValue.NewObject();
                        break;
                    case JsonTokenType.StartArray:
                        value = JsonValue.NewArray();
                        break;
                    case JsonTokenType.String:
                        value = JsonValue.NewString(_reader.Value);
                        break;
                    case JsonTokenType.Number:
                        value = JsonValue.NewNumber(_reader.Value);
                        break;
                    case JsonTokenType.True:
                        value = JsonValue.NewLiteral(JsonValueKind.True);
                        break;
                    case JsonTokenType.False:
                        value = JsonValue.NewLiteral(JsonValueKind.False);
                        break;
                    default:
                        value = JsonValue.NewLiteral(JsonValueKind.Null);
                        break;
                }

                if (depth == 0)
                {
                    root = value;
                }
                else
                {
                    JsonValue parent = _stack[depth];
                    if (parent.Kind == JsonValueKind.Object)
                    {
                        if (!parent.Add(name, value))
                        {
                            throw new JsonException("duplicate property name \"" + name + "\"", _reader.TokenStart);
                        }
                    }
                    else
                    {
                        parent.Add(value);
                    }
                }

                if (token == JsonTokenType.StartObject || token == JsonTokenType.StartArray)
                {
                    depth++;
                    _stack[depth] = value;
                    _pendingNames[depth] = null;
                }
            }
        }
    }
}
