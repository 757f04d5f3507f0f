namespace Charger.Ocpp.Json
{
    /// <summary>A writer or reader bound (depth, length) was reached; the output is incomplete and must not be sent.</summary>
    public class JsonLimitException : JsonException
    {
        public JsonLimitException(string reason, int position) : base(reason, position)
        {
        }
    }
}
