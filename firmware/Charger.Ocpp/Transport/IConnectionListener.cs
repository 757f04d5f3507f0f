namespace Charger.Ocpp.Transport
{
    /// <summary>Told when the OCPP connection comes and goes; runs inside the tick.</summary>
    public interface IConnectionListener
    {
        void OnConnected(long nowMs);

        void OnDisconnected(long nowMs, string reason);
    }
}
