using System;
using System.Collections.Concurrent;
using System.Net;
using System.Threading.Tasks;

namespace Charger.Sim.Firmware;

/// <summary>
/// The built-in CSMS's firmware server in real time (--realtime): bundles over real HTTP on
/// 127.0.0.1, with byte ranges (<c>Range: bytes=N-</c> answered 206 with Content-Range) and an
/// optional cut connection, so the station's desktop HTTP transfer meets what a board would.
/// In virtual time the CSMS's simulated HTTP server does the same.
/// </summary>
public sealed class BundleHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private int _dropAfter = -1;

    public BundleHttpServer()
    {
        // A free port: try a few from a random start (HttpListener cannot bind port 0).
        var random = new Random();
        for (int attempt = 0; ; attempt++)
        {
            int port = 20000 + random.Next(30000);
            try
            {
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add("http://127.0.0.1:" + port + "/firmware/");
                _listener.Start();
                Port = port;
                break;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
            }
        }

        Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>Requests served, with the byte each asked to start at.</summary>
    public ConcurrentQueue<long> DownloadStarts { get; } = new();

    /// <summary>Serves <paramref name="bytes"/> as <paramref name="file"/>; returns its URL.</summary>
    public string Publish(string file, byte[] bytes)
    {
        _files[file] = bytes;
        return "http://127.0.0.1:" + Port + "/firmware/" + file;
    }

    /// <summary>The next download's connection is cut after <paramref name="bytes"/> body bytes.</summary>
    public void InterruptNextDownloadAfter(int bytes) => _dropAfter = bytes;

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string name = context.Request.Url!.AbsolutePath["/firmware/".Length..];
            if (!_files.TryGetValue(name, out byte[] body))
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }

            long start = 0;
            string range = context.Request.Headers["Range"];
            if (range != null)
            {
                if (!range.StartsWith("bytes=") || !range.EndsWith('-') || !long.TryParse(range[6..^1], out start) || start > body.Length)
                {
                    response.StatusCode = 416;
                    response.Headers["Content-Range"] = "bytes */" + body.Length;
                    response.Close();
                    return;
                }

                response.StatusCode = 206;
                response.Headers["Content-Range"] = "bytes " + start + "-" + (body.Length - 1) + "/" + body.Length;
            }

            DownloadStarts.Enqueue(start);
            response.ContentType = "application/octet-stream";
            response.ContentLength64 = body.Length - start;
            int drop = System.Threading.Interlocked.Exchange(ref _dropAfter, -1);
            if (drop >= 0)
            {
                response.OutputStream.Write(body, (int)start, Math.Min(drop, body.Length - (int)start));
                response.OutputStream.Flush();
                response.Abort();
                return;
            }

            response.OutputStream.Write(body, (int)start, body.Length - (int)start);
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException)
        {
            // The station went away mid-answer (a reboot): nothing to do.
        }
    }

    public void Dispose()
    {
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
