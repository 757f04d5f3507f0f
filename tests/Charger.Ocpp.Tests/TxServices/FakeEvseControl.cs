using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Tests.TxServices;

/// <summary>The charger side of the transaction services, recording every call it gets.</summary>
public sealed class FakeEvseControl : IEvseControl
{
    public List<(int EvseId, bool Authorized)> Authorizations { get; } = new();
    public List<(int EvseId, string Status)> Rejections { get; } = new();
    public List<int> StopRequests { get; } = new();
    public List<(int EvseId, int ConnectorId)> Unlocks { get; } = new();
    public HashSet<int> ConnectedAtBoot { get; } = new();
    public UnlockStatus UnlockAnswer { get; set; } = UnlockStatus.Unlocked;

    public bool? LastAuthorization(int evseId)
    {
        for (int i = Authorizations.Count - 1; i >= 0; i--)
        {
            if (Authorizations[i].EvseId == evseId)
            {
                return Authorizations[i].Authorized;
            }
        }

        return null;
    }

    public void Authorize(int evseId, bool authorized) => Authorizations.Add((evseId, authorized));

    public void TokenRejected(int evseId, string status) => Rejections.Add((evseId, status));

    public void RequestStop(int evseId) => StopRequests.Add(evseId);

    public UnlockStatus Unlock(int evseId, int connectorId)
    {
        Unlocks.Add((evseId, connectorId));
        return UnlockAnswer;
    }

    public bool IsEvConnected(int evseId) => ConnectedAtBoot.Contains(evseId);
}
