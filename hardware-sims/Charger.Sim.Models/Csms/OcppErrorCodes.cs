namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// The CALLERROR error codes of OCPP-J 2.0.1 (OCPP 2.0.1 Part 4, section 4.3 "RPC Framework
    /// Error Codes"). Kept as strings because that is what travels on the wire.
    /// </summary>
    public static class OcppErrorCodes
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
    }
}
