namespace Charger.Ota.Bundle
{
    /// <summary>What a signature check decided, with a reason a technician can read when it refused.</summary>
    public sealed class SignatureVerdict
    {
        private SignatureVerdict(bool accepted, string reason)
        {
            Accepted = accepted;
            Reason = reason;
        }

        public bool Accepted { get; private set; }

        public string Reason { get; private set; }

        public static SignatureVerdict Accept(string how)
        {
            return new SignatureVerdict(true, how);
        }

        public static SignatureVerdict Reject(string reason)
        {
            return new SignatureVerdict(false, reason);
        }
    }
}
