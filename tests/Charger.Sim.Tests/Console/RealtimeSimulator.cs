using System;
using System.IO;
using System.Threading;
using Charger.Sim.Realtime;

namespace Charger.Sim.Tests.SerialConsole;

/// <summary>
/// The simulator's real-time mode running in this process on its own thread, started from a command
/// line exactly as a user types it (e.g. "--console"). Its output is captured; the console path is
/// taken from the line it prints for the user. Dispose stops it as Ctrl-C would, with a bounded wait.
/// </summary>
public sealed class RealtimeSimulator : IDisposable
{
    private const int StartTimeoutMs = 15_000;
    private const int StopTimeoutMs = 15_000;

    private readonly CancellationTokenSource _stop = new();
    private readonly CapturingWriter _output = new();
    private readonly CapturingWriter _errors = new();
    private readonly Thread _thread;
    private int _exitCode = -1;
    private Exception _crash;

    public RealtimeSimulator(string[] args)
    {
        var options = SimCommandLine.Parse(args, out string error) ?? throw new ArgumentException(error);
        _thread = new Thread(() =>
        {
            try
            {
                _exitCode = RealtimeMode.Run(options, _output, _errors, terminalWidth: 0, _stop.Token);
            }
            catch (Exception ex)
            {
                _crash = ex;
            }
        })
        { IsBackground = true, Name = "realtime simulator" };
        _thread.Start();
    }

    public string Output => _output.Text;

    public string Errors => _errors.Text;

    /// <summary>Waits for the "console: /dev/pts/N ..." line and returns the path it names.</summary>
    public string WaitForConsolePath()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < StartTimeoutMs)
        {
            foreach (string line in Output.Split('\n'))
            {
                if (line.StartsWith("console: ", StringComparison.Ordinal))
                {
                    return line.Split(' ')[1];
                }
            }

            if (!_thread.IsAlive)
            {
                break;
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException($"the simulator printed no console line; output:\n{Output}\nerrors:\n{Errors}\n{_crash}");
    }

    /// <summary>Waits (bounded) until the output contains <paramref name="text"/>.</summary>
    public void WaitForOutput(string text, int timeoutMs = StartTimeoutMs)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (!_thread.IsAlive || watch.ElapsedMilliseconds > timeoutMs)
            {
                throw new TimeoutException($"the simulator never printed '{text}'; output:\n{Output}\nerrors:\n{Errors}\n{_crash}");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>Waits (bounded) for the run to end by itself, e.g. at the end of its scenario.</summary>
    public int WaitForExit(int timeoutMs)
    {
        if (!_thread.Join(timeoutMs))
        {
            throw new TimeoutException($"the simulator did not end within {timeoutMs} ms; output:\n{Output}");
        }

        return ExitCode;
    }

    /// <summary>Stops the run as Ctrl-C does and returns its exit code.</summary>
    public int Stop()
    {
        _stop.Cancel();
        return WaitForExit(StopTimeoutMs);
    }

    public int ExitCode => _crash != null ? throw new InvalidOperationException("the simulator crashed", _crash) : _exitCode;

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(StopTimeoutMs);
        _stop.Dispose();
    }
}
