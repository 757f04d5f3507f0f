namespace Charger.Ocpp.Tests.Support;

/// <summary>A charger as the OCPP client sees it, with the calls it received recorded.</summary>
public sealed class FakeHooks : IStationHooks
{
    public HashSet<int> RunningTransactions { get; } = new();

    public bool SupportsEvseReset { get; set; }

    public List<(bool Immediate, int EvseId)> Resets { get; } = new();

    public List<(int EvseId, int ConnectorId, bool Operative)> OperativeChanges { get; } = new();

    public bool MeterValuesSupported { get; set; } = true;

    public List<int> MeterValuesTriggers { get; } = new();

    public bool IsTransactionRunning(int evseId) => evseId == 0 ? RunningTransactions.Count > 0 : RunningTransactions.Contains(evseId);

    public void Reset(bool immediate, int evseId) => Resets.Add((immediate, evseId));

    public void SetOperative(int evseId, int connectorId, bool operative) => OperativeChanges.Add((evseId, connectorId, operative));

    public bool TriggerMeterValues(int evseId)
    {
        MeterValuesTriggers.Add(evseId);
        return MeterValuesSupported;
    }

    public bool TriggerTransactionEvent(int evseId) => RunningTransactions.Contains(evseId);
}
