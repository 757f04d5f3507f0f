using System.Text;

namespace Charger.Ocpp.Json
{
    /// <summary>
    /// Pull reader over JSON text: each <see cref="Read"/> returns the next token and checks the
    /// RFC 8259 grammar as it goes (no trailing commas, no leading zeros, no unescaped control
    /// characters, no lone surrogate escapes, exactly one top-level value). Depth and length are
    /// bounded, so hostile input costs at most the bounds.
    /// </summary>
    public sealed class JsonReader
    {
        // What the grammar allows next.
        private const int ExpectValue = 0;            // a value (top level, after ':' or after ',' in an array)
        private const int ExpectValueOrEnd = 1;       // first item of an array, or ']'
        private const int ExpectNameOrEnd = 2;        // first member of an object, or '}'
        private const int ExpectName = 3;             // after ',' in an object
        private const int ExpectCommaOrEnd = 4;       // after a value inside a container
        private const int ExpectEndOfInput = 5;       // after the top-level value

        private readonly int _maxDepth;
        private readonly int _maxLength;
        private readonly bool[] _inObject;
        private readonly StringBuilder _text = new StringBuilder(64);
        private string _json;
        private char[] _chars;
        private int _length;
        private int _pos;
        private int _depth;
        private int _expect;
        private JsonTokenType _token;
        private string _value;
        private int _tokenStart;

        public JsonReader(int maxDepth, int maxLength)
        {
            _maxDepth = maxDepth;
            _maxLength = maxLength;
            _inObject = new bool[maxDepth + 1];
        }

        public JsonReader() : this(32, 65536)
        {
        }

        public JsonTokenType TokenType
        {
            get { return _token; }
        }

        /// <summary>Unescaped text of a String or PropertyName token; the number text of a Number token.</summary>
        public string Value
        {
            get { return _value; }
        }

        public int Depth
        {
            get { return _depth; }
        }

        /// <summary>Offset of the current token's first character.</summary>
        public int TokenStart
        {
            get { return _tokenStart; }
        }

        /// <summary>Offset just past the current token.</summary>
        public int Position
        {
            get { return _pos; }
        }

        public string Text
        {
            get { return _json; }
        }

        public void Start(string json)
        {
            if (json == null)
            {
                throw new JsonException("no JSON text", 0);
            }

            if (json.Length > _maxLength)
            {
                throw new JsonLimitException("JSON text of " + json.Length + " characters is over the limit of " + _maxLength, _maxLength);
            }

            _json = json;

            // Indexed as an array: nanoCLR keeps strings in UTF-8, so json[i] walks from the start and a
            // char-by-char scan of a 16 KB frame took 2.7 s on the 32-bit host interpreter (issue 13).
            _chars = json.ToCharArray();
            _length = _chars.Length;
            _pos = 0;
            _depth = 0;
            _expect = ExpectValue;
            _token = JsonTokenType.None;
            _value = null;
        }

        /// <summary>Drops the reader's copy of the text (up to twice its length in bytes) once it is no longer read.</summary>
        public void Release()
        {
            _chars = null;
            _json = null;
            _length = 0;
        }

        public JsonTokenType Read()
        {
            _value = null;
            SkipWhitespace();
            _tokenStart = _pos;
            if (_pos >= _length)
            {
                if (_expect != ExpectEndOfInput)
                {
                    throw new JsonException("unexpected end of JSON text", _pos);
                }

                _token = JsonTokenType.EndOfInput;
                return _token;
            }

            char c = _chars[_pos];
            switch (_expect)
            {
                case ExpectEndOfInput:
                    throw new JsonException("text after the top-level value", _pos);

                case ExpectCommaOrEnd:
                    if (c == ',')
                    {
                        _pos++;
                        _expect = _inObject[_depth] ? ExpectName : ExpectValue;
                        return Read();
                    }

                    return ReadEnd(c);

                case ExpectNameOrEnd:
                    if (c == '}')
                    {
                        return ReadEnd(c);
                    }

                    return ReadName(c);

                case ExpectName:
                    return ReadName(c);

                case ExpectValueOrEnd:
                    if (c == ']')
                    {
                        return ReadEnd(c);
                    }

                    return ReadValue(c);

                default:
                    return ReadValue(c);
            }
        }

        /// <summary>Skips the value whose first token was just read (a whole object or array, or nothing for a scalar).</summary>
        public void SkipValue()
        {
            if (_token != JsonTokenType.StartObject && _token != JsonTokenType.StartArray)
            {
                return;
            }

            int target = _depth - 1;
            while (_depth > target)
            {
                Read();
            }
        }

        private JsonTokenType ReadEnd(char c)
        {
            bool isObject = _inObject[_depth];
            if (_depth == 0 || (c == '}' && !isObject) || (c == ']' && isObject) || (c != '}' && c != ']'))
            {
                throw new JsonException("expected ',' or '" + (isObject ? '}' : ']') + "' but found " + Describe(c), _pos);
            }

            _pos++;
            _depth--;
            _expect = _depth == 0 ? ExpectEndOfInput : ExpectCommaOrEnd;
            _token = isObject ? JsonTokenType.EndObject : JsonTokenType.EndArray;
            return _token;
        }

        private JsonTokenType ReadName(char c)
        {
            if (c != '"')
            {
                throw new JsonException("expected a property name in double quotes", _pos);
            }

            _value = ReadString();
            SkipWhitespace();
            if (_pos >= _length || _chars[_pos] != ':')
            {
                throw new JsonException("expected ':' after a property name", _pos);
            }

            _pos++;
            _expect = ExpectValue;
            _token = JsonTokenType.PropertyName;
            return _token;
        }

        private JsonTokenType ReadValue(char c)
        {
            switch (c)
            {
                case '{':
                case '[':
                    if (_depth >= _maxDepth)
                    {
                        throw new JsonLimitException("nesting deeper than " + _maxDepth, _pos);
                    }

                    _pos++;
                    _depth++;
                    _inObject[_depth] = c == '{';
                    _expect = c == '{' ? ExpectNameOrEnd : ExpectValueOrEnd;
                    _token = c == '{' ? JsonTokenType.StartObject : JsonTokenType.StartArray;
                    return _token;

                case '"':
                    _value = ReadString();
                    _token = JsonTokenType.String;
                    break;

                case 't':
                    ReadLiteral("true");
                    _token = JsonTokenType.True;
                    break;

                case 'f':
                    ReadLiteral("false");
                    _token = JsonTokenType.False;
                    break;

                case 'n':
                    ReadLiteral("null");
                    _token = JsonTokenType.Null;
                    break;

                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        _value = ReadNumber();
                        _token = JsonTokenType.Number;
                        break;
                    }

                    throw new JsonException("unexpected character " + Describe(c), _pos);
            }

            _expect = _depth == 0 ? ExpectEndOfInput : ExpectCommaOrEnd;
            return _token;
        }

        private void ReadLiteral(string literal)
        {
            if (_pos + literal.Length > _length)
            {
                throw new JsonException("unexpected end of JSON text in a literal", _pos);
            }

            for (int i = 0; i < literal.Length; i++)
            {
                if (_chars[_pos + i] != literal[i])
                {
                    throw new JsonException("invalid literal, expected " + literal, _pos);
                }
            }

            _pos += literal.Length;
        }

        private string ReadNumber()
        {
            int start = _pos;
            if (_chars[_pos] == '-')
            {
                _pos++;
            }

            if (_pos >= _length)
            {
                throw new JsonException("number without digits", start);
            }

            if (_chars[_pos] == '0')
            {
                _pos++;
                if (_pos < _length && IsDigit(_chars[_pos]))
                {
                    throw new JsonException("number with a leading zero", start);
                }
            }
            else if (IsDigit(_chars[_pos]))
            {
                while (_pos < _length && IsDigit(_chars[_pos]))
                {
                    _pos++;
                }
            }
            else
            {
                throw new JsonException("number without digits", start);
            }

            if (_pos < _length && _chars[_pos] == '.')
            {
                _pos++;
                if (_pos >= _length || !IsDigit(_chars[_pos]))
                {
                    throw new JsonException("number with no digit after the decimal point", start);
                }

                while (_pos < _length && IsDigit(_chars[_pos]))
                {
                    _pos++;
                }
            }

            if (_pos < _length && (_chars[_pos] == 'e' || _chars[_pos] == 'E'))
            {
                _pos++;
                if (_pos < _length && (_chars[_pos] == '+' || _chars[_pos] == '-'))
                {
                    _pos++;
                }

                if (_pos >= _length || !IsDigit(_chars[_pos]))
                {
                    throw new JsonException("number with an empty exponent", start);
                }

                while (_pos < _length && IsDigit(_chars[_pos]))
                {
                    _pos++;
                }
            }

            return new string(_chars, start, _pos - start);
        }

        private string ReadString()
        {
            int start = _pos;
            _pos++;

            // Fast path: no escapes, the text is a plain substring.
            int scan = _pos;
            while (scan < _length)
            {
                char c = _chars[scan];
                if (c == '"')
                {
                    string plain = new string(_chars, _pos, scan - _pos);
                    _pos = scan + 1;
                    return plain;
                }

                if (c == '\\')
                {
                    break;
                }

                if (c < ' ')
                {
                    throw new JsonException("unescaped control character in a string", scan);
                }

                scan++;
            }

            _text.Clear();
            _text.Append(_chars, _pos, scan - _pos);
            _pos = scan;
            while (true)
            {
                if (_pos >= _length)
                {
                    throw new JsonException("string without a closing quote", start);
                }

                char c = _chars[_pos];
                if (c == '"')
                {
                    _pos++;
                    return _text.ToString();
                }

                if (c < ' ')
                {
                    throw new JsonException("unescaped control character in a string", _pos);
                }

                if (c != '\\')
                {
                    _text.Append(c);
                    _pos++;
                    continue;
                }

                if (_pos + 1 >= _length)
                {
                    throw new JsonException("string without a closing quote", start);
                }

                char e = _chars[_pos + 1];
                _pos += 2;
                switch (e)
                {
                    case '"':
                        _text.Append('"');
                        break;
                    case '\\':
                        _text.Append('\\');
                        break;
                    case '/':
                        _text.Append('/');
                        break;
                    case 'b':
                        _text.Append('\b');
                        break;
                    case 'f':
                        _text.Append('\f');
                        break;
                    case 'n':
                        _text.Append('\n');
                        break;
                    case 'r':
                        _text.Append('\r');
                        break;
                    case 't':
                        _text.Append('\t');
                        break;
                    case 'u':
                        AppendUnicodeEscape();
                        break;
                    default:
                        throw new JsonException("invalid escape \\ followed by " + Describe(e), _pos - 2);
                }
            }
        }

        private void AppendUnicodeEscape()
        {
            int code = ReadHex4();
            if (code >= 0xD800 && code <= 0xDBFF)
            {
                // A high surrogate must be followed by an escaped low surrogate (RFC 8259 section 7).
                if (_pos + 6 > _length || _chars[_pos] != '\\' || _chars[_pos + 1] != 'u')
                {
                    throw new JsonException("high surrogate escape without its low surrogate", _pos);
                }

                _pos += 2;
                int low = ReadHex4();
                if (low < 0xDC00 || low > 0xDFFF)
                {
                    throw new JsonException("high surrogate escape followed by a non-low surrogate", _pos - 6);
                }

                _text.Append((char)code);
                _text.Append((char)low);
                return;
            }

            if (code >= 0xDC00 && code <= 0xDFFF)
            {
                throw new JsonException("low surrogate escape without a high surrogate", _pos - 6);
            }

            _text.Append((char)code);
        }

        private int ReadHex4()
        {
            if (_pos + 4 > _length)
            {
                throw new JsonException("truncated \\u escape", _pos);
            }

            int code = 0;
            for (int i = 0; i < 4; i++)
            {
                char h = _chars[_pos + i];
                int digit;
                if (h >= '0' && h <= '9')
                {
                    digit = h - '0';
                }
                else if (h >= 'a' && h <= 'f')
                {
                    digit = h - 'a' + 10;
                }
                else if (h >= 'A' && h <= 'F')
                {
                    digit = h - 'A' + 10;
                }
                else
                {
                    throw new JsonException("invalid hex digit in a \\u escape", _pos + i);
                }

                code = (code << 4) | digit;
            }

            _pos += 4;
            return code;
        }

        private void SkipWhitespace()
        {
            while (_pos < _length)
            {
                char c = _chars[_pos];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }

                _pos++;
            }
        }

        // How an error message names a character: quoted when printable on its own, else as U+XXXX, so
        // an error text never carries half a surrogate pair or a control character (issue 13).
        private static string Describe(char c)
        {
            if (c >= ' ' && c < 0x7F)
            {
                return "'" + c + "'";
            }

            const string Hex = "0123456789ABCDEF";
            char[] code = { 'U', '+', Hex[(c >> 12) & 0xF], Hex[(c >> 8) & 0xF], Hex[(c >> 4) & 0xF], Hex[c & 0xF] };
            return new string(code);
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }
    }
}
