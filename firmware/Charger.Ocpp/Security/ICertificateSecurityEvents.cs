namespace Charger.Ocpp.Security
{
    /// <summary>
    /// Where the station's certificate life cycle reports security events (OCPP 2.0.1 A04): today
    /// InvalidChargingStationCertificate (A02.FR.07, A03). The security log's event service
    /// (SecurityEventService.Raise(type, techInfo, nowMs)) fits it one to one; without a sink the
    /// events are only logged.
    /// </summary>
    public interface ICertificateSecurityEvents
    {
        void Raise(string type, string techInfo, long nowMs);
    }
}
