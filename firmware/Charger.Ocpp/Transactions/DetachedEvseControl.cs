namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// The charger side for a station built without one (the core-only constructor): no vehicle is
    /// ever connected and nothing can be unlocked, so no transaction can start.
    /// </summary>
    public sealed class DetachedEvseControl : IEvseControl
    {
        public void Authorize(int evseId, bool authorized)
        {
        }

        public void TokenRejected(int evseId, string status)
        {
        }

        public void RequestStop(int evseId)
        {
        }

        public UnlockStatus Unlock(int evseId, int connectorId)
        {
            return UnlockStatus.UnlockFailed;
        }

        public bool IsEvConnected(int evseId)
        {
            return false;
        }
    }
}
