using Charger.Hal.Sim;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Tests.Support;
using Charger.Sim.Models.Network;

namespace Charger.Ocpp.Tests.Interop;

/// <summary>A station on a real WebSocket (System.Net.WebSockets adapter), ticked in real time.</summary>
public sealed class InteropStation : IDisposable
{
    private readonly long _startMs = Environment.TickCount64;

    public InteropStation(string csmsUrl, string identity, string password, Action<CoreVariables, StationDeviceModel> configure = null,
        int securityProfile = 1, string csmsRootPem = null, string clientCertificatePem = null, string clientKeyPem = null,
        Charger.Ocpp.Transactions.IEvseControl evseControl = null, MemoryFileStore store = null, BootReason reason = BootReason.PowerUp)
    {
        Identity = identity;
        Store = store ?? new MemoryFileStore();
        Config = new StationConfig
        {
            StationId = identity,
            CsmsUrl = csmsUrl,
            BasicAuthPassword = password,
            SerialNumber = "SN-" + identity,
            ConnectorsPerEvse = new[] { 1, 1 },
            SecurityProfile = securityProfile,
            CsmsRootCertificatesPem = csmsRootPem,
            ClientCertificatePem = clientCertificatePem,
            ClientPrivateKeyPem = clientKeyPem,
        };
        Socket = new DesktopWebSocketClient();
        Station = new OcppStation(Config, Socket, Store, new SeededRandom(11), Log, Hooks, evseControl, null, reason, new RpcLimits());
        var vars = Station.Variables;
        var model = Station.DeviceModel;

        // Short back-off so the suite runs in seconds; the figures themselves are proven in virtual time.
        model.SetPersistent(vars.RetryBackOffWaitMinimum, AttributeType.Actual, "1");
        model.SetPersistent(vars.RetryBackOffRandomRange, AttributeType.Actual, "0");
        configure?.Invoke(vars, model);
    }

    public string Identity { get; }
    public StationConfig Config { get; }
    public DesktopWebSocketClient Socket { get; }
    /// <summary>The station's file store; pass it to a new InteropStation to reboot this one.</summary>
    public MemoryFileStore Store { get; }
    public ListLog Log { get; } = new();
    public FakeHooks Hooks { get; } = new();
    public OcppStation Station { get; }

    public long NowMs => Environment.TickCount64 - _startMs;

    public void Tick() => Station.Tick(NowMs);

    public void Dispose() => Socket.Dispose();
}
