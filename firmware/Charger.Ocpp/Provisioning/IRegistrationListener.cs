namespace Charger.Ocpp.Provisioning
{
    /// <summary>Told when the CSMS accepts the station (time to report every connector's status).</summary>
    public interface IRegistrationListener
    {
        void OnAccepted(long nowMs);
    }
}
