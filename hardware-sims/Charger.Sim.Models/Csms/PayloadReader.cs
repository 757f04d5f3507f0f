using System.Text.Json;
using System.Text.Json.Nodes;

namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// Reads fields of a received OCPP payload and turns every way they can be wrong into the
    /// CALLERROR code OCPP-J 2.0.1 assigns (Part 4, section 4.3): a missing required field is an
    /// OccurrenceConstraintViolation, a field of the wrong JSON type a TypeConstraintViolation, a
    /// value outside its enumeration or length limit a PropertyConstraintViolation.
    /// </summary>
    public static class PayloadReader
    {
        public static JsonNode Required(JsonObject parent, string name, string path)
        {
            JsonNode node;
            if (!parent.TryGetPropertyValue(name, out node) || node == null)
            {
                throw new OcppCallErrorException(OcppErrorCodes.OccurrenceConstraintViolation,
                    "required field " + path + name + " is missing");
            }

            return node;
        }

        public static string RequiredString(JsonObject parent, string name, int maxLength, string path)
        {
            return AsString(Required(parent, name, path), name, maxLength, path);
        }

        public static string OptionalString(JsonObject parent, string name, int maxLength, string path)
        {
            JsonNode node;
            if (!parent.TryGetPropertyValue(name, out node) || node == null)
            {
                return null;
            }

            return AsString(node, name, maxLength, path);
        }

        public static string RequiredEnum(JsonObject parent, string name, string[] allowed, string path)
        {
            string value = RequiredString(parent, name, 64, path);
            CheckEnum(value, name, allowed, path);
            return value;
        }

        public static string OptionalEnum(JsonObject parent, string name, string[] allowed, string path)
        {
            string value = OptionalString(parent, name, 64, path);
            if (value != null)
            {
                CheckEnum(value, name, allowed, path);
            }

            return value;
        }

        public static int RequiredInt(JsonObject parent, string name, string path)
        {
            return AsInt(Required(parent, name, path), name, path);
        }

        /// <summary>Returns false when the optional integer is absent.</summary>
        public static bool TryGetInt(JsonObject parent, string name, string path, out int value)
        {
            JsonNode node;
            if (!parent.TryGetPropertyValue(name, out node) || node == null)
            {
                value = 0;
                return false;
            }

            value = AsInt(node, name, path);
            return true;
        }

        public static bool OptionalBool(JsonObject parent, string name, string path)
        {
            JsonNode node;
            if (!parent.TryGetPropertyValue(name, out node) || node == null)
            {
                return false;
            }

            JsonValueKind kind = node.GetValueKind();
            if (kind != JsonValueKind.True && kind != JsonValueKind.False)
            {
                throw new OcppCallErrorException(OcppErrorCodes.TypeConstraintViolation,
                    path + name + " must be a boolean, got " + Describe(kind));
            }

            return kind == JsonValueKind.True;
        }

        public static double RequiredNumber(JsonObject parent, string name, string path)
        {
            JsonNode node = Required(parent, name, path);
            if (node.GetValueKind() != JsonValueKind.Number)
            {
                throw new OcppCallErrorException(OcppErrorCodes.TypeConstraintViolation,
                    path + name + " must be a number, got " + Describe(node.GetValueKind()));
            }

            return node.GetValue<double>();
        }

        public static JsonObject RequiredObject(JsonObject parent, string name, string path)
        {
            return AsObject(Required(parent, name, path), name, path);
        }

        public static JsonObject OptionalObject(JsonObject parent, string name, string path)
        {
            JsonNode node;
            if (!parent.TryGetPropertyValue(name, out node) || node == null)
            {
                return null;
            }

            return AsObject(node, name, path);
        }

        public static JsonArray RequiredArray(JsonObject parent, string name, int minItems, string path)
        {
            JsonArray array = AsArray(Required(parent, name, path), name, path);
            CheckMinItems(array, name, minItems, path);
            return array;
        }

        public static JsonArray OptionalArray(JsonObject parent, string name, int minItems, string path)
        {
            JsonNode node;
            if (!parent.TryGetPropertyValue(name, out node) || node == null)
            {
                return null;
            }

            JsonArray array = AsArray(node, name, path);
            CheckMinItems(array, name, minItems, path);
            return array;
        }

        /// <summary>An element of an array that the schema says is an object.</summary>
        public static JsonObject ElementObject(JsonArray array, int index, string arrayName, string path)
        {
            return AsObject(array[index], arrayName + "[" + index + "]", path);
        }

        private static void CheckMinItems(JsonArray array, string name, int minItems, string path)
        {
            if (array.Count < minItems)
            {
                throw new OcppCallErrorException(OcppErrorCodes.OccurrenceConstraintViolation,
                    path + name + " needs at least " + minItems + " item(s), got " + array.Count);
            }
        }

        private static void CheckEnum(string value, string name, string[] allowed, string path)
        {
            if (!OcppEnums.Contains(allowed, value))
            {
                throw new OcppCallErrorException(OcppErrorCodes.PropertyConstraintViolation,
                    path + name + " value '" + value + "' is not one of " + string.Join(", ", allowed));
            }
        }

        private static string AsString(JsonNode node, string name, int maxLength, string path)
        {
            if (node.GetValueKind() != JsonValueKind.String)
            {
                throw new OcppCallErrorException(OcppErrorCodes.TypeConstraintViolation,
                    path + name + " must be a string, got " + Describe(node.GetValueKind()));
            }

            string value = node.GetValue<string>();
            if (value.Length > maxLength)
            {
                throw new OcppCallErrorException(OcppErrorCodes.PropertyConstraintViolation,
                    path + name + " is " + value.Length + " characters, the schema allows " + maxLength);
            }

            return value;
        }

        private static int AsInt(JsonNode node, string name, string path)
        {
            if (node.GetValueKind() != JsonValueKind.Number)
            {
                throw new OcppCallErrorException(OcppErrorCodes.TypeConstraintViolation,
                    path + name + " must be an integer, got " + Describe(node.GetValueKind()));
            }

            int value;
            if (!node.AsValue().TryGetValue(out value))
            {
                throw new OcppCallErrorException(OcppErrorCodes.TypeConstraintViolation,
                    path + name + " must be an integer, got " + node.ToJsonString());
            }

            return value;
        }

        private static JsonObject AsObject(JsonNode node, string name, string path)
        {
            if (node == null || node.GetValueKind() != JsonValueKind.Object)
            {
                throw new OcppCallErrorException(OcppErrorCodes.TypeConstraintViolation,
                    path + name + " must be an object, got " + (node == null ? "null" : Describe(node.GetValueKind())));
            }

            return node.AsObject();
        }

        private static JsonArray AsArray(JsonNode node, string name, string path)
        {
            if (node.GetValueKind() != JsonValueKind.Array)
            {
                throw new OcppCallErrorException(OcppErrorCodes.TypeConstraintViolation,
                    path + name + " must be an array, got " + Describe(node.GetValueKind()));
            }

            return node.AsArray();
        }

        private static string Describe(JsonValueKind kind)
        {
            switch (kind)
            {
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return "a boolean";
                case JsonValueKind.Number:
                    return "a number";
                case JsonValueKind.String:
                    return "a string";
                case JsonValueKind.Array:
                    return "an array";
                case JsonValueKind.Object:
                    return "an object";
                default:
                    return "null";
            }
        }
    }
}
