namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// IdTokenType of OCPP 2.0.1: the identifier and its type. The identifier is a CiString
    /// (case-insensitive), so two tokens are the same when the types are equal and the values are
    /// equal ignoring ASCII case.
    /// </summary>
    public sealed class IdToken
    {
        /// <summary>OCPP 2.0.1: idToken is identifierString of at most 36 characters.</summary>
        public const int MaxValueLength = 36;

        private static readonly string[] TypeNames =
        {
            "Central", "eMAID", "ISO14443", "ISO15693", "KeyCode", "Local", "MacAddress", "NoAuthorization",
        };

        public readonly string Value;
        public readonly IdTokenType Type;

        public IdToken(string value, IdTokenType type)
        {
            if (value == null || value.Length > MaxValueLength)
            {
                throw new System.ArgumentException("an idToken is a string of at most " + MaxValueLength + " characters");
            }

            Value = value;
            Type = type;
        }

        /// <summary>The key under which cache and local list file the token: type and case-folded value.</summary>
        public string Key
        {
            get { return ((int)Type).ToString() + ":" + FoldCase(Value); }
        }

        public bool SameAs(IdToken other)
        {
            return other != null && other.Type == Type && FoldCase(other.Value) == FoldCase(Value);
        }

        public override string ToString()
        {
            return TypeName(Type) + ":" + Value;
        }

        public static string TypeName(IdTokenType type)
        {
            int index = (int)type;
            return index >= 0 && index < TypeNames.Length ? TypeNames[index] : "?";
        }

        /// <summary>The type for a wire string; throws for a name OCPP 2.0.1 does not define.</summary>
        public static IdTokenType ParseType(string name)
        {
            for (int i = 0; i < TypeNames.Length; i++)
            {
                if (TypeNames[i] == name)
                {
                    return (IdTokenType)i;
                }
            }

            throw new System.ArgumentException("unknown idToken type: " + name);
        }

        // Culture-free upper-casing of ASCII letters: desktop ToUpper follows the current culture
        // (Turkish dotless i) and nanoFramework has no cultures at all.
        internal static string FoldCase(string value)
        {
            char[] chars = null;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c >= 'a' && c <= 'z')
                {
                    if (chars == null)
                    {
                        chars = value.ToCharArray();
                    }

                    chars[i] = (char)(c - ('a' - 'A'));
                }
            }

            return chars == null ? value : new string(chars);
        }
    }
}
