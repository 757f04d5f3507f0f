using System.Diagnostics;

namespace Charger.Sim.Models.Serial;

/// <summary>
/// Two pseudo-terminals joined back to back by <c>socat</c>: whatever is written to one end comes out of the
/// other, like a null-modem cable. Used to put our Modbus master or slave on a real tty facing a peer we did
/// not write. Disposing stops the socat process this object started (by its id) and removes the links.
/// </summary>
public sealed class SocatPtyPair : System.IDisposable
{
    private readonly Process _socat;
    private readonly string _directory;

    private SocatPtyPair(Process socat, string directory, string pathA, string pathB)
    {
        _socat = socat;
        _directory = directory;
        PathA = pathA;
        PathB = pathB;
    }

    public string PathA { get; }

    public string PathB { get; }

    /// <summary>Where socat is, or null when it is not installed (then interop tests skip and say so).</summary>
    public static string FindSocat() => FindOnPath("socat");

    public static string FindOnPath(string tool)
    {
        string path = System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (string dir in path.Split(':', System.StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = System.IO.Path.Combine(dir, tool);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Starts socat and waits until both pty links exist.</summary>
    public static SocatPtyPair Start(int timeoutMs = 5000)
    {
        string socat = FindSocat() ?? throw new System.InvalidOperationException("socat is not installed (Debian package 'socat')");
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "charger-pty-" + System.Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        string a = System.IO.Path.Combine(dir, "a");
        string b = System.IO.Path.Combine(dir, "b");
        var info = new ProcessStartInfo(socat)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-d");
        info.ArgumentList.Add($"pty,raw,echo=0,link={a}");
        info.ArgumentList.Add($"pty,raw,echo=0,link={b}");
        var process = Process.Start(info) ?? throw new System.InvalidOperationException("socat did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var watch = Stopwatch.StartNew();
        while (!(System.IO.File.Exists(a) && System.IO.File.Exists(b)))
        {
            if (process.HasExited || watch.ElapsedMilliseconds > timeoutMs)
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }

                throw new System.InvalidOperationException($"socat did not create the pty pair within {timeoutMs} ms");
            }

            System.Threading.Thread.Sleep(10);
        }

        return new SocatPtyPair(process, dir, a, b);
    }

    public void Dispose()
    {
        try
        {
            if (!_socat.HasExited)
            {
                _socat.Kill();
                _socat.WaitForExit(2000);
            }
        }
        finally
        {
            _socat.Dispose();
            if (System.IO.Directory.Exists(_directory))
            {
                System.IO.Directory.Delete(_directory, true);
            }
        }
    }
}
