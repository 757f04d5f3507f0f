namespace Charger.Ocpp.Rpc
{
    /// <summary>
    /// CALLERROR codes of OCPP-J 2.0.1 (part 4, section 4.3), plus two local pseudo-codes that never go
    /// on the wire: they tell a caller why its CALL got no answer.
    /// </summary>
    public static class RpcErrorCode
    {
        public const string FormatViolation = "FormatViolation";
        public const string GenericError = "GenericError";
        public const string InternalError = "InternalError";
        public const string MessageTypeNotSupported = "MessageTypeNotSupported";
        public const string NotImplemented = "NotImplemented";
        public const string NotSupported = "NotSupported";
        public const string OccurrenceConstraintViolation = "OccurrenceConstraintViolation";
        public const string PropertyConstraintViolation = "PropertyConstraintViolation";
        public const string ProtocolError = "ProtocolError";
        public const string RpcFrameworkError = "RpcFrameworkError";
        public const string SecurityError = "SecurityError";
        public const string TypeConstraintViolation = "TypeConstraintViolation";

        /// <summary>Local: no answer within OCPPCommCtrlr.MessageTimeout.</summary>
        public const string LocalTimeout = "LocalTimeout";

        /// <summary>Local: the connection dropped while the CALL waited for its answer.</summary>
        public const string LocalConnectionLost = "LocalConnectionLost";

        /// <summary>Local: the CSMS answered with a CALLRESULT whose payload breaks the response schema.</summary>
        public const string LocalInvalidResult = "LocalInvalidResult";
    }
}
