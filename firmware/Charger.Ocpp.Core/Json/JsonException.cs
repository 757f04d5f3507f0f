namespace Charger.Ocpp.Json
{
    /// <summary>
    /// Input that is not RFC 8259 JSON, or that exceeds a configured bound (depth, length).
    /// <see cref="Position"/> is the character offset where the reader gave up.
    /// </summary>
    public class JsonException : System.Exception
    {
        private readonly int _position;

        public JsonException(string reason, int position) : base(reason + " at offset " + position)
        {
            _position = position;
        }

        public int Position
        {
            get { return _position; }
        }
    }
}
