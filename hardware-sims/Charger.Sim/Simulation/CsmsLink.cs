using System.Text;
using Charger.Firmware.Station;
using Charger.Hal.Sim.Network;
using Charger.Sim.Models.Csms;
using Charger.Sim.Reporting;

namespace Charger.Sim.Simulation;

/// <summary>
/// The network between the station's WebSocket and the built-in CSMS, in virtual time: opens are
/// answered by the CSMS's connection verdict (subprotocol, Basic auth), frames cross in both
/// directions once per tick, and the link can go down (open connections drop with 1006, new
/// connects fail) and come back.
/// </summary>
public sealed class CsmsLink
{
    private readonly BuiltInCsms _csms;
    private readonly EventLog _events;
    private readonly Func<long> _nowMs;
    private readonly HashSet<string> _addresses = new(StringComparer.OrdinalIgnoreCase) { "csms.sim" };
    private LoopbackWebSocket _socket;
    private string _connectedId;

    public CsmsLink(BuiltInCsms csms, EventLog events, Func<long> nowMs)
    {
        _csms = csms;
        _events = events;
        _nowMs = nowMs;
        _csms.FrameSink = Deliver;
    }

    public bool NetworkUp { get; private set; } = true;

    public bool Connected => _connectedId != null;

    public int FramesToStation { get; private set; }

    public int FramesFromStation { get; private set; }

    /// <summary>A board that boots creates a new socket; the old one died with its power.</summary>
    public void Attach(LoopbackWebSocket socket)
    {
        Drop("station restarted");
        _socket = socket;
    }

    /// <summary>The station lost power: its TCP connection is gone without a close handshake.</summary>
    public void StationPowerLost()
    {
        if (_socket != null && _socket.State == Charger.Hal.WebSocketState.Open)
        {
            _socket.Server.Close(1006, "connection lost");
        }

        Drop("station lost power");
        _socket = null;
    }

    public void SetNetwork(bool up)
    {
        if (NetworkUp == up)
        {
            return;
        }

        NetworkUp = up;
        _events.Add(_nowMs(), "network", up ? "network up" : "network down", ("up", up));
        if (!up && _socket != null && _socket.State == Charger.Hal.WebSocketState.Open)
        {
            _socket.Server.Close(1006, "network down");
            Drop("network down");
        }
    }

    /// <summary>
    /// Makes the built-in CSMS reachable (or not) at <paramref name="host"/>: a station given another
    /// address (SetNetworkProfile) reaches it only while the address is up, so a scenario can move a
    /// station to "a second CSMS" and make that one unreachable. An open connection to an address
    /// taken down drops.
    /// </summary>
    public void SetAddress(string host, bool up)
    {
        bool changed = up ? _addresses.Add(host) : _addresses.Remove(host);
        if (!changed)
        {
            return;
        }

        _events.Add(_nowMs(), "network", $"CSMS address {host} {(up ? "up" : "down")}", ("host", host), ("up", up));
        if (!up && _socket != null && _socket.State == Charger.Hal.WebSocketState.Open && HostOf(_socket.Server.RequestedUrl) == host)
        {
            _socket.Server.Close(1006, "CSMS address down");
            Drop("CSMS address down");
        }
    }

    private static string HostOf(string url)
    {
        if (url == null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "";
        }

        return uri.Host;
    }

    public void Pump()
    {
        if (_socket != null)
        {
            LoopbackServerEnd server = _socket.Server;
            if (server.HasPendingOpen)
            {
                AnswerOpen(server);
            }

            if (_connectedId != null && !server.IsOpen)
            {
                Drop("station closed the connection");
            }

            while (server.ReceivedCount > 0)
            {
                string frame = server.TakeReceived();
                FramesFromStation++;
                _events.Add(_nowMs(), SimEventKinds.OcppOut, TracingWebSocket.Mask(frame), ("action", ActionOf(frame)));
                if (_connectedId != null)
                {
                    _csms.OnFrame(_connectedId, frame);
                }
            }
        }

        _csms.Tick();
    }

    private void AnswerOpen(LoopbackServerEnd server)
    {
        if (!NetworkUp)
        {
            server.Refuse(1006, "network unreachable");
            return;
        }

        string url = server.RequestedUrl ?? "";
        if (!_addresses.Contains(HostOf(url)))
        {
            server.Refuse(1006, "connect failed: host unreachable");
            _events.Add(_nowMs(), "connection", $"{HostOf(url)} unreachable: no CSMS at that address");
            return;
        }

        string stationId = Uri.UnescapeDataString(url.TrimEnd('/').Split('/').Last());
        string user = null, password = null;
        string auth = server.RequestedAuthorization;
        if (auth != null && auth.StartsWith("Basic ", StringComparison.Ordinal))
        {
            string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth[6..].Trim()));
            int colon = decoded.IndexOf(':');
            user = colon < 0 ? decoded : decoded[..colon];
            password = colon < 0 ? "" : decoded[(colon + 1)..];
        }

        ConnectionVerdict verdict = _csms.OnConnected(stationId, server.RequestedSubprotocol, user, password);
        if (verdict.Accepted)
        {
            server.AcceptWithSubprotocol(CsmsOptions.Subprotocol);
            _connectedId = stationId;
            _events.Add(_nowMs(), "connection", $"{stationId} connected to the built-in CSMS at {HostOf(url)}", ("stationId", stationId), ("host", HostOf(url)));
        }
        else
        {
            server.Refuse(verdict.HttpStatus, verdict.Reason);
            _events.Add(_nowMs(), "connection", $"{stationId} refused: HTTP {verdict.HttpStatus} {verdict.Reason}", ("httpStatus", verdict.HttpStatus));
        }
    }

    private void Deliver(string stationId, string frame)
    {
        if (_socket == null || _socket.State != Charger.Hal.WebSocketState.Open || stationId != _connectedId)
        {
            return;
        }

        FramesToStation++;
        // Passwords the CSMS provisions never reach the timeline or the event file.
        _events.Add(_nowMs(), SimEventKinds.OcppIn, TracingWebSocket.Mask(frame), ("action", ActionOf(frame)));
        _socket.Server.Send(frame);
    }

    private void Drop(string why)
    {
        if (_connectedId != null)
        {
            _csms.OnDisconnected(_connectedId);
            _events.Add(_nowMs(), "connection", $"{_connectedId} disconnected: {why}");
            _connectedId = null;
        }
    }

    /// <summary>The action of a CALL ("Heartbeat"), or "result"/"error" for answers.</summary>
    public static string ActionOf(string frame)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(frame);
            var root = doc.RootElement;
            int type = root[0].GetInt32();
            return type == 2 ? root[2].GetString() : type == 3 ? "result" : "error";
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or IndexOutOfRangeException)
        {
            return "unreadable";
        }
    }
}
