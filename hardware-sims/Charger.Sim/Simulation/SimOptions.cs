using Charger.Hal;

namespace Charger.Sim.Simulation;

/// <summary>How the simulated station and its world are set up.</summary>
public sealed class SimOptions
{
    public ulong Seed { get; init; } = 1;

    public string StationId { get; init; } = "CF-SIM-001";

    /// <summary>Station-side console port (a pseudo-terminal for --console, a loopback in tests); null for none.</summary>
    public ISerialPort ConsolePort { get; init; }

    public double AmbientC { get; init; } = 25;

    public double EvCapacityWh { get; init; } = 40_000;

    public double EvStateOfChargePercent { get; init; } = 60;

    public double EvMaxCurrentA { get; init; } = 32;

    public int EvPhases { get; init; } = 3;

    /// <summary>How long the EV takes to follow a new offer (IEC 61851-1 allows up to 5 s).</summary>
    public long EvFollowDelayMs { get; init; } = 2000;

    /// <summary>How often the session chart takes a sample (virtual ms).</summary>
    public int ChartSampleMs { get; init; } = 1000;

    /// <summary>
    /// An external CSMS (ws:// or wss://) the station connects to over a real WebSocket instead of
    /// the built-in one; null for the built-in CSMS.
    /// </summary>
    public string CsmsUrl { get; init; }

    /// <summary>HTTP Basic password (security profile 1 or 2) the station presents to the CSMS.</summary>
    public string CsmsPassword { get; init; }

    /// <summary>OCPP security profile towards <see cref="CsmsUrl"/>: 1 (ws), 2 (wss + password), 3 (wss + client certificate).</summary>
    public int SecurityProfile { get; init; } = 1;

    /// <summary>PEM CSMS root certificate(s) the station trusts for wss:// (provisioned, like a board's).</summary>
    public string CsmsRootPem { get; init; }

    /// <summary>PEM client certificate and key for security profile 3.</summary>
    public string ClientCertificatePem { get; init; }

    public string ClientKeyPem { get; init; }

    /// <summary>
    /// Serve the built-in CSMS on a real WebSocket on 127.0.0.1 and connect the station through it
    /// (--realtime), instead of the in-memory loopback that virtual time needs.
    /// </summary>
    public bool RealSockets { get; init; }

    /// <summary>How long a "power-cut" keeps power off when the script gives no duration.</summary>
    public int DefaultPowerCutMs { get; init; } = 3000;
}
