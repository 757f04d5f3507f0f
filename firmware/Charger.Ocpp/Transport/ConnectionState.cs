namespace Charger.Ocpp.Transport
{
    public enum ConnectionState
    {
        /// <summary>Waiting for the back-off to expire before the next attempt.</summary>
        WaitingToConnect = 0,
        Connecting = 1,
        Connected = 2,

        /// <summary>Configuration forbids connecting (security profile and URL scheme disagree).</summary>
        Misconfigured = 3,
    }
}
