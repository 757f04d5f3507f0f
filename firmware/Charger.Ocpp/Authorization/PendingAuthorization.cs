namespace Charger.Ocpp.Authorization
{
    /// <summary>An AuthorizeRequest waiting for its answer: for which EVSE, which token, and why.</summary>
    public sealed class PendingAuthorization
    {
        public readonly int EvseId;
        public readonly IdToken Token;

        /// <summary>Asked to learn the token's group for a stop request (C09), not to start.</summary>
        public readonly bool ForStop;

        /// <summary>remoteStartId of the RequestStartTransaction that asked, or -1.</summary>
        public readonly int RemoteStartId;

        public PendingAuthorization(int evseId, IdToken token, bool forStop, int remoteStartId)
        {
            EvseId = evseId;
            Token = token;
            ForStop = forStop;
            RemoteStartId = remoteStartId;
        }
    }
}
