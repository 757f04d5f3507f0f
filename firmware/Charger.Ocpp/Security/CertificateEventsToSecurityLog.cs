namespace Charger.Ocpp.Security
{
    /// <summary>The station certificate life cycle's security events, kept and delivered by the security log (A04).</summary>
    public sealed class CertificateEventsToSecurityLog : ICertificateSecurityEvents
    {
        private readonly SecurityEventService _events;

        public CertificateEventsToSecurityLog(SecurityEventService events)
        {
            _events = events;
        }

        public void Raise(string type, string techInfo, long nowMs)
        {
            _events.Raise(type, techInfo, nowMs);
        }
    }
}
