using System.Text.Json;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Tests.Support;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Tests.TxServices;

/// <summary>
/// One full station (core + transaction and authorization services) on a loopback socket in
/// virtual time, with a scripted CSMS end that answers every station CALL through
/// <see cref="Responder"/>. Every frame the station sends is validated against the official schemas.
/// </summary>
public sealed class TxHarness
{
    public VirtualClock Clock { get; } = new(1000);
    public LoopbackWebSocket Socket { get; private set; } = new();
    public MemoryFileStore Store { get; }
    public SeededRandom Random { get; } = new(7);
    public ListLog Log { get; } = new();
    public FakeHooks Hooks { get; } = new();
    public FakeEvseControl Control { get; } = new();
    public StationConfig Config { get; }
    public OcppStation Station { get; private set; }
    public StationFrames Frames { get; private set; }

    /// <summary>Every CALL the station sent, in order (action, payload).</summary>
    public List<(string Action, JsonElement Payload)> Calls { get; } = new();

    /// <summary>Replies to CSMS CALLs, by message id.</summary>
    public Dictionary<string, JsonElement[]> Replies { get; } = new();

    /// <summary>Answer to a station CALL: a CALLRESULT payload, "ERROR:code" for a CALLERROR, or null for no answer.</summary>
    public Func<string, JsonElement, string> Responder { get; set; }

    /// <summary>idTokenInfo.status the CSMS gives each token (default Accepted).</summary>
    public Dictionary<string, string> TokenStatus { get; } = new();

    public TxHarness(MemoryFileStore store = null, int evses = 2)
    {
        Store = store ?? new MemoryFileStore();
        Config = new StationConfig
        {
            StationId = "CS001",
            CsmsUrl = "ws://csms.test/ocpp/",
            BasicAuthPassword = StationHarness.Password,
            SerialNumber = "SN-1",
            ConnectorsPerEvse = Enumerable.Repeat(1, evses).ToArray(),
        };
        Responder = DefaultAnswer;
        Build();
    }

    public TransactionService Tx => Station.Transactions;
    public AuthorizationService Auth => Station.Authorization;
    public long Now => Clock.NowMs;

    private void Build()
    {
        Socket.Server.AutoAccept = true;
        Frames = new StationFrames(Socket.Server);
        Station = new OcppStation(Config, Socket, Store, Random, Log, Hooks, Control, null, BootReason.PowerUp, new RpcLimits());
    }

    /// <summary>A reboot: new station objects over the same file store (and a new socket).</summary>
    public void Reboot()
    {
        Socket.Close();
        Socket = new LoopbackWebSocket();
        Replies.Clear(); // the new socket's CSMS end numbers its calls from 1 again
        Build();
    }

    public string DefaultAnswer(string action, JsonElement payload)
    {
        switch (action)
        {
            case "BootNotification":
                return "{\"currentTime\":\"2026-11-21T10:00:00.000Z\",\"interval\":3000,\"status\":\"Accepted\"}";
            case "Heartbeat":
                return "{\"currentTime\":\"2026-11-21T10:00:00.000Z\"}";
            case "Authorize":
                return "{\"idTokenInfo\":" + InfoFor(payload.GetProperty("idToken").GetProperty("idToken").GetString()) + "}";
            case "TransactionEvent":
                return payload.TryGetProperty("idToken", out var token)
                    ? "{\"idTokenInfo\":" + InfoFor(token.GetProperty("idToken").GetString()) + "}"
                    : "{}";
            default:
                return "{}";
        }
    }

    public string InfoFor(string token)
    {
        string status = TokenStatus.TryGetValue(token, out var s) ? s : "Accepted";
        return "{\"status\":\"" + status + "\",\"groupIdToken\":{\"idToken\":\"GROUP-" + (token.StartsWith("G2") ? "2" : "1") + "\",\"type\":\"Central\"}}";
    }

    /// <summary>Connects and answers the boot; the station is Accepted afterwards.</summary>
    public void Boot()
    {
        Run(1000);
        Assert.Equal(RegistrationState.Accepted, Station.Registration.State);
    }

    /// <summary>Advances virtual time in steps, answering every CALL the station sends.</summary>
    public void Run(long ms, long stepMs = 100)
    {
        long end = Clock.NowMs + ms;
        do
        {
            long step = Math.Min(stepMs, end - Clock.NowMs);
            Clock.Advance(step);
            Station.Tick(Clock.NowMs);
            Serve();
        }
        while (Clock.NowMs < end);
    }

    /// <summary>Reads and answers what the station sent (no time passes).</summary>
    public void Serve()
    {
        JsonElement[] frame;
        while ((frame = Frames.Next()) != null)
        {
            if (frame[0].GetInt32() == 2)
            {
                string action = frame[2].GetString();
                JsonElement payload = frame[3].Clone();
                Calls.Add((action, payload));
                string answer = Responder(action, payload);
                if (answer == null)
                {
                    continue;
                }

                if (answer.StartsWith("ERROR:"))
                {
                    Socket.Server.Send("[4,\"" + frame[1].GetString() + "\",\"" + answer.Substring(6) + "\",\"injected\",{}]");
                }
                else
                {
                    Frames.SendResult(frame[1].GetString(), answer);
                }
            }
            else
            {
                Replies[frame[1].GetString()] = frame;
            }
        }
    }

    /// <summary>The CSMS sends a CALL; returns the station's reply payload (CALLERROR frames fail the test).</summary>
    public JsonElement Request(string action, string payload)
    {
        string id = Frames.SendCall(action, payload);
        for (int i = 0; i < 10 && !Replies.ContainsKey(id); i++)
        {
            Run(100);
        }

        Assert.True(Replies.ContainsKey(id), "no reply to " + action);
        var reply = Replies[id];
        Assert.Equal(3, reply[0].GetInt32());
        return reply[2];
    }

    public void Drop()
    {
        Socket.Server.Close(1006, "network outage");
        Run(100);
    }

    public List<JsonElement> Events() => Calls.Where(c => c.Action == "TransactionEvent").Select(c => c.Payload).ToList();

    public List<JsonElement> Events(string transactionId) => Events()
        .Where(e => e.GetProperty("transactionInfo").GetProperty("transactionId").GetString() == transactionId).ToList();

    public int CallCount(string action) => Calls.Count(c => c.Action == action);

    public void Set(string component, string name, string value)
    {
        Variable v = null;
        for (int i = 0; i < Station.DeviceModel.Count && v == null; i++)
        {
            Variable candidate = Station.DeviceModel.At(i);
            if (candidate.ComponentName == component && candidate.Name == name && candidate.EvseId == 0)
            {
                v = candidate;
            }
        }

        Assert.NotNull(v);
        Station.DeviceModel.SetPersistent(v, AttributeType.Actual, value);
    }

    public static MeterReading Reading(long energyWh, double powerW = 7000, int phases = 3)
    {
        var r = new MeterReading { EnergyWh = energyWh, HasPower = true, PowerW = powerW, Phases = phases };
        for (int p = 0; p < phases; p++)
        {
            r.CurrentA[p] = 10.5 + p;
            r.VoltageV[p] = 230.1 + p;
        }

        return r;
    }

    /// <summary>A whole local session with a card: plug, present, contactor closed, charging.</summary>
    public PresentResult PlugAndCharge(int evseId, string token, long energyWh)
    {
        Tx.UpdateMeter(evseId, Reading(energyWh), Now);
        Tx.EvConnected(evseId, 1, Now);
        var result = Auth.PresentIdToken(evseId, token, IdTokenType.ISO14443, Now);
        Run(300);
        if (Control.LastAuthorization(evseId) == true)
        {
            Tx.PowerPathClosed(evseId, Now);
            Tx.SetChargingState(evseId, ChargingState.Charging, Now);
            Run(300);
        }

        return result;
    }

    public static string Str(JsonElement e, string a, string b = null) =>
        b == null ? e.GetProperty(a).GetString() : e.GetProperty(a).GetProperty(b).GetString();

    public static string TxId(JsonElement e) => Str(e, "transactionInfo", "transactionId");
}
