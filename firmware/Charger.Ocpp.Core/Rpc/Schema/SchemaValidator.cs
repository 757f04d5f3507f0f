using Charger.Ocpp.Json;

namespace Charger.Ocpp.Rpc.Schema
{
    /// <summary>
    /// Checks a parsed payload against a <see cref="SchemaNode"/> and names the first violation
    /// with the CALLERROR code OCPP-J 2.0.1 section 4.3 describes for it:
    /// <list type="bullet">
    /// <item>payload or member of the wrong JSON type: TypeConstraintViolation ("syntactically correct but violates data type constraints");</item>
    /// <item>a required member missing, an array with too few or too many items: OccurrenceConstraintViolation;</item>
    /// <item>an enum value not in the list, a number under its minimum, a date-time that is not RFC 3339: PropertyConstraintViolation ("a field contains an invalid value");</item>
    /// <item>a string over its maxLength: FormatViolation (the same mapping ocpp-rpc, our interop peer, uses);</item>
    /// <item>a member the message does not define (additionalProperties false): ProtocolError ("not conform the PDU structure").</item>
    /// </list>
    /// </summary>
    public static class SchemaValidator
    {
        /// <summary>CustomDataType.vendorId maxLength in every OCPP 2.0.1 schema.</summary>
        private const int VendorIdMaxLength = 255;

        /// <summary>The first violation, or null when <paramref name="value"/> conforms.</summary>
        public static SchemaViolation Validate(JsonValue value, SchemaNode schema)
        {
            return Check(value, schema, "$");
        }

        private static SchemaViolation Check(JsonValue value, SchemaNode schema, string path)
        {
            switch (schema.Kind)
            {
                case SchemaKind.Object:
                    return CheckObject(value, schema, path);

                case SchemaKind.Any:
                    return null;

                case SchemaKind.CustomData:
                    if (value.Kind != JsonValueKind.Object)
                    {
                        return TypeError(path, "object", value);
                    }

                    JsonValue vendorId = value.Get("vendorId");
                    if (vendorId == null)
                    {
                        return new SchemaViolation(RpcErrorCode.OccurrenceConstraintViolation, path + ".vendorId is required");
                    }

                    if (vendorId.Kind != JsonValueKind.String)
                    {
                        return TypeError(path + ".vendorId", "string", vendorId);
                    }

                    if (vendorId.Text.Length > VendorIdMaxLength)
                    {
                        return new SchemaViolation(RpcErrorCode.FormatViolation, path + ".vendorId is longer than " + VendorIdMaxLength);
                    }

                    return null;

                case SchemaKind.Array:
                    if (value.Kind != JsonValueKind.Array)
                    {
                        return TypeError(path, "array", value);
                    }

                    if (schema.MinItems != SchemaNode.Unbounded && value.Count < schema.MinItems)
                    {
                        return new SchemaViolation(RpcErrorCode.OccurrenceConstraintViolation, path + " has " + value.Count + " items, at least " + schema.MinItems + " required");
                    }

                    if (schema.MaxItems != SchemaNode.Unbounded && value.Count > schema.MaxItems)
                    {
                        return new SchemaViolation(RpcErrorCode.OccurrenceConstraintViolation, path + " has " + value.Count + " items, at most " + schema.MaxItems + " allowed");
                    }

                    for (int i = 0; i < value.Count; i++)
                    {
                        SchemaViolation v = Check(value[i], schema.Items, path + "[" + i + "]");
                        if (v != null)
                        {
                            return v;
                        }
                    }

                    return null;

                case SchemaKind.String:
                    if (value.Kind != JsonValueKind.String)
                    {
                        return TypeError(path, "string", value);
                    }

                    if (schema.EnumValues != null)
                    {
                        for (int i = 0; i < schema.EnumValues.Length; i++)
                        {
                            if (schema.EnumValues[i] == value.Text)
                            {
                                return null;
                            }
                        }

                        return new SchemaViolation(RpcErrorCode.PropertyConstraintViolation, path + " value \"" + value.Text + "\" is not one of the allowed values");
                    }

                    if (schema.MaxLength != SchemaNode.Unbounded && value.Text.Length > schema.MaxLength)
                    {
                        return new SchemaViolation(RpcErrorCode.FormatViolation, path + " is " + value.Text.Length + " characters, at most " + schema.MaxLength + " allowed");
                    }

                    return null;

                case SchemaKind.DateTime:
                    if (value.Kind != JsonValueKind.String)
                    {
                        return TypeError(path, "string", value);
                    }

                    System.DateTime unused;
                    if (!Rfc3339.TryParse(value.Text, out unused))
                    {
                        return new SchemaViolation(RpcErrorCode.PropertyConstraintViolation, path + " is not an RFC 3339 date-time");
                    }

                    return null;

                case SchemaKind.Integer:
                    if (value.Kind != JsonValueKind.Number || !JsonNumber.IsIntegral(value.Text))
                    {
                        return TypeError(path, "integer", value);
                    }

                    return CheckMinimum(value, schema, path);

                case SchemaKind.Number:
                    if (value.Kind != JsonValueKind.Number)
                    {
                        return TypeError(path, "number", value);
                    }

                    return CheckMinimum(value, schema, path);

                default:
                    if (!value.IsBoolean)
                    {
                        return TypeError(path, "boolean", value);
                    }

                    return null;
            }
        }

        private static SchemaViolation CheckObject(JsonValue value, SchemaNode schema, string path)
        {
            if (value.Kind != JsonValueKind.Object)
            {
                return TypeError(path, "object", value);
            }

            for (int i = 0; i < value.Count; i++)
            {
                string name = value.NameAt(i);
                SchemaNode member = schema.Member(name);
                if (member == null)
                {
                    if (name == "customData")
                    {
                        member = SharedCustomData;
                    }
                    else
                    {
                        return new SchemaViolation(RpcErrorCode.ProtocolError, path + "." + name + " is not a property of this message");
                    }
                }

                SchemaViolation v = Check(value[i], member, path + "." + name);
                if (v != null)
                {
                    return v;
                }
            }

            for (int i = 0; i < schema.MemberCount; i++)
            {
                if (schema.MemberRequired(i) && value.Get(schema.MemberName(i)) == null)
                {
                    return new SchemaViolation(RpcErrorCode.OccurrenceConstraintViolation, path + "." + schema.MemberName(i) + " is required");
                }
            }

            return null;
        }

        private static readonly SchemaNode SharedCustomData = SchemaNode.CustomData();

        private static SchemaViolation CheckMinimum(JsonValue value, SchemaNode schema, string path)
        {
            if (schema.HasMinimum && value.AsDouble < schema.Minimum)
            {
                return new SchemaViolation(RpcErrorCode.PropertyConstraintViolation, path + " is below its minimum");
            }

            return null;
        }

        private static SchemaViolation TypeError(string path, string expected, JsonValue actual)
        {
            return new SchemaViolation(RpcErrorCode.TypeConstraintViolation, path + " must be " + expected + ", not " + JsonValueKindText.Of(actual.Kind));
        }
    }
}
