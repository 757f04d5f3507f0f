using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// Serves the built-in CSMS as a real OCPP-J WebSocket endpoint for <c>--realtime</c>:
    /// ws://127.0.0.1:&lt;port&gt;/&lt;stationId&gt;, subprotocol ocpp2.0.1, HTTP Basic auth when the
    /// CSMS has a password. Loopback only, bounded (connections, frame size, send queue), and
    /// everything stops on <see cref="Dispose"/>. Takes over the CSMS's <see cref="BuiltInCsms.FrameSink"/>.
    /// </summary>
    public sealed class CsmsWebSocketServer : IDisposable
    {
        /// <summary>More simultaneous stations than a desktop run needs; further upgrades get 503.</summary>
        public const int MaxConnections = 16;

        /// <summary>Largest text frame accepted; a larger one closes the socket with 1009 (RFC 6455 7.4.1).</summary>
        public const int MaxFrameBytes = 65536;

        /// <summary>Frames waiting to be written to one station before the connection is judged stuck.</summary>
        public const int MaxQueuedFramesPerConnection = 1024;

        /// <summary>RFC 6455 7.4.1: 1009 message too big.</summary>
        private const WebSocketCloseStatus CloseMessageTooBig = WebSocketCloseStatus.MessageTooBig;

        private const int PortAttempts = 10;
        private const int ShutdownWaitMs = 2000;

        private readonly BuiltInCsms _csms;
        private readonly HttpListener _listener;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly object _sync = new object();
        private readonly Dictionary<string, StationConnection> _connections = new Dictionary<string, StationConnection>(StringComparer.Ordinal);
        private readonly List<Task> _connectionTasks = new List<Task>();
        private readonly List<string> _errors = new List<string>();
        private readonly Timer _tickTimer;
        private readonly Task _acceptLoop;
        private bool _disposed;

        /// <param name="port">0 picks a free ephemeral port (see <see cref="Port"/>).</param>
        /// <param name="tickIntervalMs">How often the CSMS's <see cref="BuiltInCsms.Tick"/> runs (CALL timeouts).</param>
        public CsmsWebSocketServer(BuiltInCsms csms, int port = 0, int tickIntervalMs = 100)
        {
            _csms = csms ?? throw new ArgumentNullException(nameof(csms));
            _listener = StartListener(port, out int boundPort);
            Port = boundPort;
            _csms.FrameSink = Route;
            _tickTimer = new Timer(_ => TickCsms(), null, tickIntervalMs, tickIntervalMs);
            _acceptLoop = Task.Run(AcceptLoopGuardedAsync);
        }

        public int Port { get; }

        /// <summary>The base URL stations append their id to.</summary>
        public string Url
        {
            get { return "ws://127.0.0.1:" + Port + "/"; }
        }

        /// <summary>Connection-level problems (socket errors, frames for absent stations), readable by a technician.</summary>
        public IReadOnlyList<string> Errors
        {
            get
            {
                lock (_sync)
                {
                    return _errors.ToArray();
                }
            }
        }

        public int ConnectionCount
        {
            get
            {
                lock (_sync)
                {
                    return _connections.Count;
                }
            }
        }

        public void Dispose()
        {
            Task[] waitFor;
            lock (_sync)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                waitFor = _connectionTasks.ToArray();
            }

            _stop.Cancel();
            _tickTimer.Dispose();
            _listener.Close();
            var all = new List<Task>(waitFor) { _acceptLoop };
            if (!Task.WaitAll(all.ToArray(), ShutdownWaitMs))
            {
                AddError("shutdown: some connections did not end within " + ShutdownWaitMs + " ms");
            }

            _stop.Dispose();
        }

        private static HttpListener StartListener(int port, out int boundPort)
        {
            for (int attempt = 0; ; attempt++)
            {
                int candidate = port != 0 ? port : FreeLoopbackPort();
                var listener = new HttpListener();
                listener.Prefixes.Add("http://127.0.0.1:" + candidate + "/");
                try
                {
                    listener.Start();
                    boundPort = candidate;
                    return listener;
                }
                catch (HttpListenerException ex) when (port == 0 && attempt < PortAttempts)
                {
                    // Another process took the port between probing and binding; try another.
                    listener.Close();
                    if (attempt == PortAttempts - 1)
                    {
                        throw new IOException("CSMS WebSocket server: no free loopback port after " + PortAttempts +
                            " attempts: " + ex.Message, ex);
                    }
                }
            }
        }

        private static int FreeLoopbackPort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private async Task AcceptLoopGuardedAsync()
        {
            try
            {
                await AcceptLoopAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                AddError("CSMS WebSocket server stopped accepting connections: " + ex.Message);
            }
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (_stop.IsCancellationRequested && (ex is HttpListenerException || ex is ObjectDisposedException))
                {
                    // Dispose closed the listener: the normal way out of this loop.
                    return;
                }

                Task handler = Task.Run(() => HandleGuardedAsync(context));
                lock (_sync)
                {
                    _connectionTasks.RemoveAll(t => t.IsCompleted);
                    _connectionTasks.Add(handler);
                }
            }
        }

        private async Task HandleGuardedAsync(HttpListenerContext context)
        {
            try
            {
                await HandleAsync(context).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // One station's broken connection must not stop the server; the reason is kept for the report.
                AddError("connection from " + context.Request.RemoteEndPoint + " failed: " + ex.Message);
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            HttpListenerRequest request = context.Request;
            if (!IPAddress.IsLoopback(request.RemoteEndPoint.Address))
            {
                Refuse(context, 403, "the built-in CSMS serves loopback clients only");
                return;
            }

            if (!request.IsWebSocketRequest)
            {
                Refuse(context, 400, "OCPP-J needs a WebSocket upgrade to ws://127.0.0.1:" + Port + "/<stationId>");
                return;
            }

            string stationId = StationIdFrom(request.Url);
            string offered = request.Headers["Sec-WebSocket-Protocol"];
            string user;
            string password;
            ReadBasicAuth(request.Headers["Authorization"], out user, out password);

            var connection = new StationConnection(stationId);
            StationConnection replaced;
            lock (_sync)
            {
                if (_connections.Count >= MaxConnections && !_connections.ContainsKey(stationId ?? string.Empty))
                {
                    connection = null;
                    replaced = null;
                }
                else
                {
                    _connections.TryGetValue(stationId ?? string.Empty, out replaced);
                    if (stationId != null)
                    {
                        _connections[stationId] = connection;
                    }
                }
            }

            if (connection == null)
            {
                Refuse(context, 503, "the built-in CSMS already serves " + MaxConnections + " stations");
                return;
            }

            ConnectionVerdict verdict = _csms.OnConnected(stationId, offered, user, password);
            if (!verdict.Accepted)
            {
                // A refused attempt (wrong password, say) must not take the place of a working connection.
                Restore(connection, replaced);
                Refuse(context, verdict.HttpStatus, verdict.Reason);
                return;
            }

            if (replaced != null)
            {
                replaced.Cancel.Cancel();
            }

            WebSocket socket;
            try
            {
                HttpListenerWebSocketContext upgraded = await context
                    .AcceptWebSocketAsync(CsmsOptions.Subprotocol, 16384, TimeSpan.FromSeconds(30))
                    .ConfigureAwait(false);
                socket = upgraded.WebSocket;
            }
            catch (WebSocketException ex)
            {
                AddError(stationId + ": WebSocket upgrade failed: " + ex.Message);
                Disconnect(connection);
                return;
            }

            using (CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, connection.Cancel.Token))
            {
                Task sender = SendLoopAsync(connection, socket, linked.Token);
                string endReason = await ReceiveLoopAsync(connection, socket, linked.Token).ConfigureAwait(false);
                connection.Outbound.Writer.TryComplete();
                linked.Cancel();
                await CloseQuietlyAsync(socket, endReason).ConfigureAwait(false);
                try
                {
                    await sender.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The send loop ends by cancellation when the connection ends; nothing was lost
                    // that the OCPP layer does not already account for (CALL marked ConnectionLost).
                }
                catch (WebSocketException ex)
                {
                    AddError(stationId + ": send failed: " + ex.Message);
                }
            }

            socket.Dispose();
            Disconnect(connection);
        }

        private async Task<string> ReceiveLoopAsync(StationConnection connection, WebSocket socket, CancellationToken token)
        {
            var buffer = new byte[16384];
            var message = new MemoryStream();
            while (true)
            {
                WebSocketReceiveResult result;
                try
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return _stop.IsCancellationRequested ? "CSMS shutting down" : "replaced by a new connection";
                }
                catch (WebSocketException ex)
                {
                    AddError(connection.StationId + ": receive failed: " + ex.Message);
                    return "receive failed";
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    AddError(connection.StationId + ": binary frame refused (OCPP-J is text only)");
                    await CloseQuietlyAsync(socket, "OCPP-J frames are text", WebSocketCloseStatus.InvalidMessageType).ConfigureAwait(false);
                    return "binary frame";
                }

                if (message.Length + result.Count > MaxFrameBytes)
                {
                    AddError(connection.StationId + ": frame over " + MaxFrameBytes + " bytes refused");
                    await CloseQuietlyAsync(socket, "frame over " + MaxFrameBytes + " bytes", CloseMessageTooBig).ConfigureAwait(false);
                    return "frame too big";
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                string text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                if (!IsCurrent(connection))
                {
                    return "replaced by a new connection";
                }

                try
                {
                    _csms.OnFrame(connection.StationId, text);
                }
                catch (Exception ex)
                {
                    // A failing scenario callback is the script's fault, not the station's: keep the
                    // connection and report it.
                    AddError(connection.StationId + ": CSMS failed on a frame: " + ex.Message);
                }
            }
        }

        private static async Task SendLoopAsync(StationConnection connection, WebSocket socket, CancellationToken token)
        {
            await foreach (string frame in connection.Outbound.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                byte[] bytes = Encoding.UTF8.GetBytes(frame);
                await socket.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, token).ConfigureAwait(false);
            }
        }

        private void Route(string stationId, string frame)
        {
            StationConnection connection;
            lock (_sync)
            {
                _connections.TryGetValue(stationId, out connection);
            }

            if (connection == null)
            {
                AddError(stationId + ": frame for a station with no open socket dropped: " + frame);
                return;
            }

            if (!connection.Outbound.Writer.TryWrite(frame))
            {
                AddError(stationId + ": send queue full (" + MaxQueuedFramesPerConnection + " frames), closing the connection");
                connection.Cancel.Cancel();
            }
        }

        private void TickCsms()
        {
            try
            {
                _csms.Tick();
            }
            catch (Exception ex)
            {
                // A timer thread must not die silently: the failure is kept for the report.
                AddError("CSMS tick failed: " + ex);
            }
        }

        private bool IsCurrent(StationConnection connection)
        {
            lock (_sync)
            {
                StationConnection current;
                return _connections.TryGetValue(connection.StationId, out current) && current == connection;
            }
        }

        private void Forget(StationConnection connection)
        {
            lock (_sync)
            {
                StationConnection current;
                if (connection.StationId != null && _connections.TryGetValue(connection.StationId, out current) && current == connection)
                {
                    _connections.Remove(connection.StationId);
                }
            }
        }

        private void Restore(StationConnection connection, StationConnection replaced)
        {
            lock (_sync)
            {
                StationConnection current;
                if (connection.StationId != null && _connections.TryGetValue(connection.StationId, out current) && current == connection)
                {
                    if (replaced != null)
                    {
                        _connections[connection.StationId] = replaced;
                    }
                    else
                    {
                        _connections.Remove(connection.StationId);
                    }
                }
            }
        }

        private void Disconnect(StationConnection connection)
        {
            bool current = IsCurrent(connection);
            Forget(connection);
            if (current)
            {
                _csms.OnDisconnected(connection.StationId);
            }
        }

        private static async Task CloseQuietlyAsync(WebSocket socket, string reason,
            WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure)
        {
            if (socket.State != WebSocketState.Open && socket.State != WebSocketState.CloseReceived)
            {
                return;
            }

            using (var timeout = new CancellationTokenSource(1000))
            {
                try
                {
                    await socket.CloseOutputAsync(reason == null ? WebSocketCloseStatus.NormalClosure : status,
                        reason ?? "bye", timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is WebSocketException || ex is OperationCanceledException || ex is ObjectDisposedException)
                {
                    // The peer is already gone; the close handshake is best effort by definition.
                    socket.Abort();
                }
            }
        }

        private static void Refuse(HttpListenerContext context, int status, string reason)
        {
            HttpListenerResponse response = context.Response;
            response.StatusCode = status;
            response.StatusDescription = StatusText(status);
            if (status == ConnectionVerdict.Unauthorized)
            {
                response.AddHeader("WWW-Authenticate", "Basic realm=\"OCPP\"");
            }

            byte[] body = Encoding.UTF8.GetBytes(reason + "\n");
            response.ContentType = "text/plain; charset=utf-8";
            response.ContentLength64 = body.Length;
            response.OutputStream.Write(body, 0, body.Length);
            response.Close();
        }

        private static string StatusText(int status)
        {
            switch (status)
            {
                case 400:
                    return "Bad Request";
                case 401:
                    return "Unauthorized";
                case 403:
                    return "Forbidden";
                case 503:
                    return "Service Unavailable";
                default:
                    return "Refused";
            }
        }

        private static string StationIdFrom(Uri url)
        {
            string[] segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return segments.Length == 0 ? null : Uri.UnescapeDataString(segments[segments.Length - 1]);
        }

        private static void ReadBasicAuth(string header, out string user, out string password)
        {
            user = null;
            password = null;
            const string scheme = "Basic ";
            if (header == null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(scheme.Length).Trim()));
            }
            catch (FormatException)
            {
                // Unreadable credentials count as none: OnConnected then refuses with 401 and says so.
                return;
            }

            // RFC 7617: user-id and password are separated by the first colon.
            int colon = decoded.IndexOf(':');
            if (colon < 0)
            {
                return;
            }

            user = decoded.Substring(0, colon);
            password = decoded.Substring(colon + 1);
        }

        private void AddError(string error)
        {
            lock (_sync)
            {
                _errors.Add(error);
            }
        }

        private sealed class StationConnection
        {
            public StationConnection(string stationId)
            {
                StationId = stationId;
                Outbound = Channel.CreateBounded<string>(new BoundedChannelOptions(MaxQueuedFramesPerConnection)
                {
                    SingleReader = true,
                    FullMode = BoundedChannelFullMode.Wait,
                });
            }

            public string StationId { get; }

            public Channel<string> Outbound { get; }

            public CancellationTokenSource Cancel { get; } = new CancellationTokenSource();
        }
    }
}
