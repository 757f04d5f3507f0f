namespace Charger.Ocpp.Rpc.Schema
{
    /// <summary>Why a payload failed its schema: the CALLERROR code to answer with and a readable path and reason.</summary>
    public sealed class SchemaViolation
    {
        private readonly string _errorCode;
        private readonly string _description;

        public SchemaViolation(string errorCode, string description)
        {
            _errorCode = errorCode;
            _description = description;
        }

        public string ErrorCode
        {
            get { return _errorCode; }
        }

        public string Description
        {
            get { return _description; }
        }
    }
}
