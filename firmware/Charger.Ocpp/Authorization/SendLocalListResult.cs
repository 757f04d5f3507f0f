namespace Charger.Ocpp.Authorization
{
    /// <summary>The answer to a SendLocalListRequest, with the reason a technician can read (statusInfo).</summary>
    public sealed class SendLocalListResult
    {
        public readonly SendLocalListStatus Status;
        public readonly string Reason;

        public SendLocalListResult(SendLocalListStatus status, string reason)
        {
            Status = status;
            Reason = reason;
        }
    }
}
