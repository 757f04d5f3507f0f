using System.Text.Json;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.Tests.Support;

/// <summary>
/// One station on a loopback socket in virtual time, with a scripted CSMS end. Every frame the
/// station sends is validated against the official schemas as it is read.
/// </summary>
public sealed class StationHarness
{
    public const string Password = "correct-horse-battery";

    public VirtualClock Clock { get; } = new(1000);
    public LoopbackWebSocket Socket { get; private set; } = new();
    public MemoryFileStore Store { get; }
    public SeededRandom Random { get; } = new(99);
    public ListLog Log { get; } = new();
    public FakeHooks Hooks { get; } = new();
    public StationConfig Config { get; }
    public OcppStation Station { get; private set; }
    public StationFrames Frames { get; private set; }

    public StationHarness(MemoryFileStore store = null, StationConfig config = null, BootReason reason = BootReason.PowerUp)
    {
        Store = store ?? new MemoryFileStore();
        Config = config ?? new StationConfig
        {
            StationId = "CS001",
            CsmsUrl = "ws://csms.test/ocpp/",
            BasicAuthPassword = Password,
            SerialNumber = "SN-1",
            ConnectorsPerEvse = new[] { 1, 2 },
        };
        Socket.Server.AutoAccept = true;
        Frames = new StationFrames(Socket.Server);
        Station = new OcppStation(Config, Socket, Store, Random, Log, Hooks, reason, new RpcLimits());
    }

    public long Now => Clock.NowMs;

    public void Tick(int times = 1)
    {
        for (int i = 0; i < times; i++)
        {
            Station.Tick(Clock.NowMs);
        }
    }

    /// <summary>Advances virtual time in 100 ms ticks.</summary>
    public void Run(long ms, long stepMs = 100)
    {
        long end = Clock.NowMs + ms;
        while (Clock.NowMs < end)
        {
            Clock.Advance(Math.Min(stepMs, end - Clock.NowMs));
            Station.Tick(Clock.NowMs);
        }
    }

    /// <summary>Connects, answers the BootNotification with <paramref name="status"/>, and returns the boot frame.</summary>
    public JsonElement[] Boot(string status = "Accepted", int interval = 300, string currentTime = "2026-11-21T10:00:00.000Z")
    {
        Tick(2);
        var boot = Frames.Next();
        Assert.NotNull(boot);
        Assert.Equal("BootNotification", boot[2].GetString());
        Frames.SendResult(boot[1].GetString(), "{\"currentTime\":\"" + currentTime + "\",\"interval\":" + interval + ",\"status\":\"" + status + "\"}");
        Tick();
        return boot;
    }

    /// <summary>Answers every CALL the station has sent with <paramref name="payload"/> until it sends none; returns them.</summary>
    public List<JsonElement[]> AnswerAll(string payload = "{}", int rounds = 50)
    {
        var calls = new List<JsonElement[]>();
        int quietTicks = 0;
        for (int i = 0; i < rounds; i++)
        {
            Tick();
            var frame = Frames.Next();
            if (frame == null)
            {
                // A security event raised by an answer (SettingSystemTime after a currentTime) leaves a tick later.
                if (++quietTicks == 3)
                {
                    break;
                }

                continue;
            }

            quietTicks = 0;

            if (frame[0].GetInt32() == 2)
            {
                calls.Add(frame);
                string answer = frame[2].GetString() switch
                {
                    "Heartbeat" => "{\"currentTime\":\"2026-11-21T10:00:00.000Z\"}",
                    _ => payload,
                };
                Frames.SendResult(frame[1].GetString(), answer);
            }
        }

        return calls;
    }

    /// <summary>The CSMS sends a CALL and the station's reply frame is returned (validated).</summary>
    public JsonElement[] Request(string action, string payload)
    {
        string id = Frames.SendCall(action, payload);
        for (int i = 0; i < 5; i++)
        {
            Tick();
            var frame = Frames.Next();
            while (frame != null)
            {
                if (frame[0].GetInt32() != 2 && frame[1].GetString() == id)
                {
                    return frame;
                }

                Pending.Add(frame);
                frame = Frames.Next();
            }
        }

        throw new Xunit.Sdk.XunitException("no reply to " + action);
    }

    /// <summary>Station CALLs read while waiting for a reply.</summary>
    public List<JsonElement[]> Pending { get; } = new();

    /// <summary>Simulates a reboot: a new station over the same file store.</summary>
    public void Restart(BootReason reason = BootReason.PowerUp)
    {
        Socket.Close();
        Socket = new LoopbackWebSocket();
        Socket.Server.AutoAccept = true;
        Frames = new StationFrames(Socket.Server);
        Station = new OcppStation(Config, Socket, Store, Random, Log, Hooks, reason, new RpcLimits());
    }
}
