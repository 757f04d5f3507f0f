namespace Charger.Ocpp.Tests.Interop;

/// <summary>One node CSMS process for the whole interop class.</summary>
public sealed class NodeCsmsFixture : IDisposable
{
    public NodeCsms Csms { get; } = new();

    public void Dispose() => Csms.Dispose();
}
