namespace Charger.Ocpp.Rpc.Schema
{
    public enum SchemaKind
    {
        Object = 0,
        Array,
        String,
        Integer,
        Number,
        Boolean,

        /// <summary>A string in RFC 3339 date-time format.</summary>
        DateTime,

        /// <summary>OCPP's CustomDataType: an object with vendorId and anything else.</summary>
        CustomData,

        /// <summary>Any JSON value (DataTransfer's data).</summary>
        Any,
    }
}
