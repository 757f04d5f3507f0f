using System.Text.Json;
using Charger.Hal.Sim.Network;

namespace Charger.Ocpp.Tests.Support;

/// <summary>
/// Reads what the station sent over a loopback socket and validates every frame against the
/// official schemas: a CALL against its Request schema, a CALLRESULT against the Response schema
/// of the action the server asked for.
/// </summary>
public sealed class StationFrames
{
    private readonly LoopbackServerEnd _server;
    private readonly Dictionary<string, string> _serverCallActions = new();
    private int _serverIds;

    public StationFrames(LoopbackServerEnd server) => _server = server;

    public List<JsonElement[]> All { get; } = new();

    /// <summary>CSMS sends a CALL; returns its message id.</summary>
    public string SendCall(string action, string payloadJson)
    {
        string id = "csms-" + (++_serverIds);
        _serverCallActions[id] = action;
        _server.Send("[2,\"" + id + "\",\"" + action + "\"," + payloadJson + "]");
        return id;
    }

    public void SendResult(string messageId, string payloadJson) => _server.Send("[3,\"" + messageId + "\"," + payloadJson + "]");

    public void SendCallError(string messageId, string code, string description) =>
        _server.Send("[4,\"" + messageId + "\",\"" + code + "\",\"" + description + "\",{}]");

    /// <summary>The next frame from the station, validated; null when none.</summary>
    public JsonElement[] Next()
    {
        string text = _server.TakeReceived();
        if (text == null)
        {
            return null;
        }

        var frame = JsonDocument.Parse(text).RootElement.EnumerateArray().ToArray();
        int type = frame[0].GetInt32();
        if (type == 2)
        {
            OfficialSchemas.AssertValid(frame[2].GetString() + "Request", frame[3].GetRawText());
        }
        else if (type == 3 && _serverCallActions.TryGetValue(frame[1].GetString(), out var action))
        {
            OfficialSchemas.AssertValid(action + "Response", frame[2].GetRawText());
        }

        All.Add(frame);
        return frame;
    }

    /// <summary>All frames the station has sent so far, validated.</summary>
    public List<JsonElement[]> Drain()
    {
        var list = new List<JsonElement[]>();
        JsonElement[] f;
        while ((f = Next()) != null)
        {
            list.Add(f);
        }

        return list;
    }
}
