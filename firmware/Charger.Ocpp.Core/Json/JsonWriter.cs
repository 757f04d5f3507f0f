using System;
using System.Text;

namespace Charger.Ocpp.Json
{
    /// <summary>
    /// Writes JSON text forward only, with commas placed by the writer, strings escaped per
    /// RFC 8259 section 7 and numbers formatted by <see cref="JsonNumber"/>. Depth and length are
    /// bounded: passing a bound throws <see cref="JsonLimitException"/> so an oversized message is
    /// never sent half-written. Reusable through <see cref="Reset"/> to avoid allocation.
    /// </summary>
    public sealed class JsonWriter
    {
        private const char HighSurrogateFirst = '\uD800';
        private const char HighSurrogateLast = '\uDBFF';
        private const char LowSurrogateFirst = '\uDC00';
        private const char LowSurrogateLast = '\uDFFF';
        private const char ReplacementCharacter = '\uFFFD';

        // Strings longer than this are copied to a char array before escaping (see AppendEscaped).
        private const int ArrayScanChars = 64;

        private const string HexDigits = "0123456789abcdef";

        private readonly StringBuilder _sb;
        private readonly bool[] _hasItems;
        private readonly bool[] _isObject;
        private readonly int _maxLength;
        private int _depth;
        private bool _afterName;

        /// <param name="maxDepth">Deepest nesting of objects and arrays.</param>
        /// <param name="maxLength">Longest text in characters.</param>
        public JsonWriter(int maxDepth, int maxLength)
        {
            _sb = new StringBuilder(256);
            _hasItems = new bool[maxDepth + 1];
            _isObject = new bool[maxDepth + 1];
            _maxLength = maxLength;
        }

        public JsonWriter() : this(32, 65536)
        {
        }

        public int Length
        {
            get { return _sb.Length; }
        }

        public int Depth
        {
            get { return _depth; }
        }

        public void Reset()
        {
            _sb.Clear();
            _depth = 0;
            _afterName = false;
        }

        public override string ToString()
        {
            return _sb.ToString();
        }

        public void BeginObject()
        {
            BeforeValue();
            Push(true);
            _sb.Append('{');
            CheckLength();
        }

        public void EndObject()
        {
            Pop(true);
            _sb.Append('}');
            CheckLength();
        }

        public void BeginArray()
        {
            BeforeValue();
            Push(false);
            _sb.Append('[');
            CheckLength();
        }

        public void EndArray()
        {
            Pop(false);
            _sb.Append(']');
            CheckLength();
        }

        public void Name(string name)
        {
            if (_depth == 0 || !_isObject[_depth] || _afterName)
            {
                throw new InvalidOperationException("a property name belongs directly inside an object");
            }

            if (_hasItems[_depth])
            {
                _sb.Append(',');
            }

            _hasItems[_depth] = true;
            AppendQuoted(name);
            _sb.Append(':');
            _afterName = true;
            CheckLength();
        }

        public void String(string value)
        {
            if (value == null)
            {
                Null();
                return;
            }

            BeforeValue();
            AppendQuoted(value);
            CheckLength();
        }

        public void Integer(long value)
        {
            BeforeValue();
            JsonNumber.AppendInteger(_sb, value);
            CheckLength();
        }

        public void Decimal(double value, int fractionDigits)
        {
            BeforeValue();
            JsonNumber.AppendDecimal(_sb, value, fractionDigits);
            CheckLength();
        }

        public void Boolean(bool value)
        {
            BeforeValue();
            _sb.Append(value ? "true" : "false");
            CheckLength();
        }

        public void Null()
        {
            BeforeValue();
            _sb.Append("null");
            CheckLength();
        }

        public void DateTimeUtc(DateTime utc)
        {
            BeforeValue();
            _sb.Append('"');
            Rfc3339.Append(_sb, utc);
            _sb.Append('"');
            CheckLength();
        }

        /// <summary>
        /// Inserts text that is already valid JSON (a payload kept from an earlier message).
        /// The caller vouches for it; nothing is checked.
        /// </summary>
        public void Raw(string json)
        {
            BeforeValue();
            _sb.Append(json);
            CheckLength();
        }

        public void Property(string name, string value)
        {
            Name(name);
            String(value);
        }

        public void Property(string name, long value)
        {
            Name(name);
            Integer(value);
        }

        public void Property(string name, bool value)
        {
            Name(name);
            Boolean(value);
        }

        /// <summary>Writes the property only when <paramref name="value"/> is not null: OCPP omits absent optionals.</summary>
        public void OptionalProperty(string name, string value)
        {
            if (value != null)
            {
                Name(name);
                String(value);
            }
        }

        /// <summary>
        /// <paramref name="text"/> cut to at most <paramref name="maxChars"/> UTF-16 units, never between the two
        /// halves of a surrogate pair.
        /// </summary>
        public static string Truncate(string text, int maxChars)
        {
            if (text == null || text.Length <= maxChars)
            {
                return text;
            }

            int cut = maxChars;
            if (cut > 0 && text[cut - 1] >= HighSurrogateFirst && text[cut - 1] <= HighSurrogateLast)
            {
                cut--;
            }

            return text.Substring(0, cut);
        }

        /// <summary>Appends <paramref name="value"/> as a quoted, escaped JSON string to any builder.</summary>
        public static void AppendEscaped(StringBuilder sb, string value)
        {
            // Long text is scanned as an array: nanoCLR strings are UTF-8, so value[i] walks from the start.
            char[] chars = value.Length > ArrayScanChars ? value.ToCharArray() : null;
            int length = value.Length;
            sb.Append('"');
            for (int i = 0; i < length; i++)
            {
                char c = chars != null ? chars[i] : value[i];
                switch (c)
                {
                    case '"':
                        sb.Append("\\\"");
                        break;
                    case '\\':
                        sb.Append("\\\\");
                        break;
                    case '\n':
                        sb.Append("\\n");
                        break;
                    case '\r':
                        sb.Append("\\r");
                        break;
                    case '\t':
                        sb.Append("\\t");
                        break;
                    case '\b':
                        sb.Append("\\b");
                        break;
                    case '\f':
                        sb.Append("\\f");
                        break;
                    default:
                        if (c < ' ')
                        {
                            sb.Append("\\u00");
                            sb.Append(HexDigits[c >> 4]);
                            sb.Append(HexDigits[c & 0xF]);
                        }
                        else if (c >= HighSurrogateFirst && c <= LowSurrogateLast)
                        {
                            // A pair goes out whole; half of one has no UTF-8 form, so a strict peer would
                            // refuse the frame: it becomes U+FFFD, the replacement character (issue 13).
                            char next = i + 1 < length ? (chars != null ? chars[i + 1] : value[i + 1]) : '\0';
                            if (c <= HighSurrogateLast && next >= LowSurrogateFirst && next <= LowSurrogateLast)
                            {
                                sb.Append(c);
                                sb.Append(next);
                                i++;
                            }
                            else
                            {
                                sb.Append(ReplacementCharacter);
                            }
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            sb.Append('"');
        }

        private void AppendQuoted(string value)
        {
            AppendEscaped(_sb, value);
        }

        private void BeforeValue()
        {
            if (_afterName)
            {
                _afterName = false;
                return;
            }

            if (_depth == 0)
            {
                if (_sb.Length != 0)
                {
                    throw new InvalidOperationException("JSON text has one top-level value");
                }

                return;
            }

            if (_isObject[_depth])
            {
                throw new InvalidOperationException("a value inside an object needs a property name first");
            }

            if (_hasItems[_depth])
            {
                _sb.Append(',');
            }

            _hasItems[_depth] = true;
        }

        private void Push(bool isObject)
        {
            if (_depth + 1 >= _hasItems.Length)
            {
                throw new JsonLimitException("nesting deeper than " + (_hasItems.Length - 1), _sb.Length);
            }

            _depth++;
            _isObject[_depth] = isObject;
            _hasItems[_depth] = false;
        }

        private void Pop(bool isObject)
        {
            if (_depth == 0 || _isObject[_depth] != isObject || _afterName)
            {
                throw new InvalidOperationException(isObject ? "no object to end here" : "no array to end here");
            }

            _depth--;
        }

        private void CheckLength()
        {
            if (_sb.Length > _maxLength)
            {
                throw new JsonLimitException("JSON text longer than " + _maxLength + " characters", _sb.Length);
            }
        }
    }
}
