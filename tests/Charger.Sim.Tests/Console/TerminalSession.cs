using System;
using System.IO;
using System.Threading;
using System.Text;
using Charger.Sim.Models.Serial;

namespace Charger.Sim.Tests.SerialConsole;

/// <summary>
/// What a terminal program (screen, picocom) does with the console: opens the pseudo-terminal's slave
/// path in raw mode (termios, through <see cref="PtySerialPort"/>), types lines ending in CR, and reads
/// what comes back. Every wait is bounded; a wait that runs out fails with everything seen so far.
/// </summary>
public sealed class TerminalSession : IDisposable
{
    /// <summary>The prompts the console shows when it is ready for the next line.</summary>
    public const string UserPrompt = "charger> ";
    public const string PrivilegedPrompt = "charger# ";

    private const int DefaultTimeoutMs = 10_000;

    private readonly PtySerialPort _port;
    private readonly StringBuilder _seen = new();
    private readonly byte[] _buffer = new byte[1024];
    private int _consumed;

    public TerminalSession(string slavePath, int baud)
    {
        _port = new PtySerialPort(slavePath, baud);
        _port.Open();
    }

    /// <summary>Everything received since the terminal was opened.</summary>
    public string Transcript => _seen.ToString();

    /// <summary>Reads until <paramref name="expected"/> arrives; returns the text up to and including it.</summary>
    public string ReadUntil(string expected, int timeoutMs = DefaultTimeoutMs) => ReadUntilAny(new[] { expected }, timeoutMs);

    /// <summary>Reads until the first of <paramref name="expected"/> arrives; returns the text up to and including it.</summary>
    public string ReadUntilAny(string[] expected, int timeoutMs = DefaultTimeoutMs)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            string seen = _seen.ToString();
            int end = -1;
            foreach (string e in expected)
            {
                int at = seen.IndexOf(e, _consumed, StringComparison.Ordinal);
                if (at >= 0 && (end < 0 || at + e.Length < end))
                {
                    end = at + e.Length;
                }
            }

            if (end >= 0)
            {
                string text = seen.Substring(_consumed, end - _consumed);
                _consumed = end;
                return text;
            }

            long left = timeoutMs - watch.ElapsedMilliseconds;
            if (left <= 0)
            {
                throw new TimeoutException($"'{string.Join("' or '", expected)}' did not arrive within {timeoutMs} ms; the console sent:\n{seen.Substring(_consumed)}");
            }

            int n = _port.Read(_buffer, 0, _buffer.Length, (int)Math.Min(left, 200));
            if (n > 0)
            {
                _seen.Append(Encoding.ASCII.GetString(_buffer, 0, n));
            }
        }
    }

    /// <summary>Types <paramref name="line"/> and Enter (CR, as a terminal program sends it).</summary>
    public void Type(string line) => Press(line + "\r");

    /// <summary>Sends keys exactly as given, no Enter (control keys, a half-typed line).</summary>
    public void Press(string keys)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(keys);
        _port.Write(bytes, 0, bytes.Length);
    }

    /// <summary>Types a command and returns its answer, up to the next prompt.</summary>
    public string Command(string line, string prompt = UserPrompt)
    {
        Type(line);
        return ReadUntil(prompt);
    }

    public void Dispose() => _port.Dispose();
}
