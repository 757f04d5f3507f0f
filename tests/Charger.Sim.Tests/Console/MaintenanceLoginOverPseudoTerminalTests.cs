using System;
using System.IO;
using System.Linq;
using System.Threading;
using Charger.Sim.Realtime;

namespace Charger.Sim.Tests.SerialConsole;

/// <summary>
/// Issue 8's end-to-end proof, privileged half: the built-in CSMS provisions the maintenance password
/// (SetVariables SecurityCtrlr.MaintenancePassword, which the station keeps only hashed), and a
/// technician on a real pseudo-terminal logs in, changes a variable the firmware then uses, logs out,
/// and a guesser gets locked out. Every wait is a bounded timeout; no assertion is about timing.
/// </summary>
public sealed class MaintenanceLoginOverPseudoTerminalTests : IDisposable
{
    private const string Password = "service-2026";
    private const int ProvisioningTimeoutMs = 20_000;

    private readonly string _scenario = Path.Combine(Path.GetTempPath(), $"console-login-{Guid.NewGuid():N}.scn");

    public MaintenanceLoginOverPseudoTerminalTests()
    {
        File.WriteAllText(_scenario, string.Join("\n",
            "# The CSMS provisions the maintenance password; the station then idles while the technician works.",
            $"0s      csms set SecurityCtrlr.MaintenancePassword {Password}",
            "+10m    wait"));
    }

    public void Dispose() => File.Delete(_scenario);

    [Fact]
    public void TechnicianLogsInRunsAPrivilegedCommandAndLogsOut()
    {
        // --frames: the OCPP frames to the built-in CSMS appear in the simulator's timeline.
        using var sim = new RealtimeSimulator(new[] { "--console", "--frames", "--scenario", _scenario });
        using var terminal = new TerminalSession(sim.WaitForConsolePath(), RealtimeMode.ConsoleBaud);
        terminal.ReadUntil(TerminalSession.UserPrompt);
        WaitForPasswordPrompt(terminal);

        terminal.Type(Password);
        string loggedIn = terminal.ReadUntil(TerminalSession.PrivilegedPrompt);
        Assert.Contains("logged in: privileged commands enabled", loggedIn);
        Assert.DoesNotContain(Password, terminal.Transcript);   // never echoed

        Assert.Contains("OCPPCommCtrlr.OfflineThreshold set", terminal.Command("config set OCPPCommCtrlr.OfflineThreshold 90", TerminalSession.PrivilegedPrompt));
        Assert.Contains("status at", terminal.Command("status", TerminalSession.PrivilegedPrompt));

        Assert.Contains("logged out", terminal.Command("logout"));
        Assert.Contains("config set: needs login first", terminal.Command("config set OCPPCommCtrlr.OfflineThreshold 120"));

        // The audit trail names the commands, never the password.
        string log = terminal.Command("log 20");
        Assert.Contains("maintenance login accepted", log);
        Assert.Contains("privileged command: config set OCPPCommCtrlr.OfflineThreshold", log);
        Assert.DoesNotContain(Password, log);

        // The CSMS hears of the login and the privileged command as security events.
        sim.WaitForOutput("\"SecurityEventNotification\",{\"type\":\"MaintenanceLoginAccepted\"");
        sim.WaitForOutput("\"SecurityEventNotification\",{\"type\":\"MaintenanceCommand\"");
        Assert.Equal(RealtimeMode.InterruptedExitCode, sim.Stop());
    }

    [Fact]
    public void FiveWrongPasswordsLockTheLoginEvenAgainstTheRightOne()
    {
        using var sim = new RealtimeSimulator(new[] { "--console", "--frames", "--scenario", _scenario });
        using var terminal = new TerminalSession(sim.WaitForConsolePath(), RealtimeMode.ConsoleBaud);
        terminal.ReadUntil(TerminalSession.UserPrompt);

        for (int attempt = 1; attempt <= 4; attempt++)
        {
            WaitForPasswordPrompt(terminal);
            terminal.Type("guess-" + attempt + "xyz");
            Assert.Contains($"wrong password ({5 - attempt} more before the login locks)", terminal.ReadUntil(TerminalSession.UserPrompt));
        }

        WaitForPasswordPrompt(terminal);
        terminal.Type("guess-5xyz");
        Assert.Contains("wrong password; login locked for 30 s", terminal.ReadUntil(TerminalSession.UserPrompt));

        // Locked: not even asked for a password, so the right one cannot get in.
        Assert.Contains("login: locked for", terminal.Command("login"));
        Assert.Contains("config set: needs login first", terminal.Command("config set OCPPCommCtrlr.OfflineThreshold 90"));
        Assert.Contains("console login locked for 30 s after 5 wrong passwords", terminal.Command("log 20"));
        sim.WaitForOutput("\"SecurityEventNotification\",{\"type\":\"MaintenanceLoginFailed\"");
        sim.WaitForOutput("\"SecurityEventNotification\",{\"type\":\"MaintenanceLoginLockedOut\"");
        Assert.Equal(RealtimeMode.InterruptedExitCode, sim.Stop());
    }

    [Fact]
    public void HeartbeatIntervalSetOnTheConsoleIsReadBackAndUsedByTheFirmware()
    {
        // --frames puts the OCPP frames in the simulator's timeline, where the heartbeats show.
        using var sim = new RealtimeSimulator(new[] { "--console", "--frames", "--scenario", _scenario });
        using var terminal = new TerminalSession(sim.WaitForConsolePath(), RealtimeMode.ConsoleBaud);
        terminal.ReadUntil(TerminalSession.UserPrompt);
        WaitForPasswordPrompt(terminal);
        terminal.Type(Password);
        terminal.ReadUntil(TerminalSession.PrivilegedPrompt);

        Assert.Contains("OCPPCommCtrlr.HeartbeatInterval = 300", terminal.Command("config get OCPPCommCtrlr.HeartbeatInterval", TerminalSession.PrivilegedPrompt));
        Assert.Contains("OCPPCommCtrlr.HeartbeatInterval set", terminal.Command("config set OCPPCommCtrlr.HeartbeatInterval 30", TerminalSession.PrivilegedPrompt));
        Assert.Contains("OCPPCommCtrlr.HeartbeatInterval = 30", terminal.Command("config get OCPPCommCtrlr.HeartbeatInterval", TerminalSession.PrivilegedPrompt));

        // With the boot's 300 s interval no heartbeat is due for minutes; after setting 2 s the
        // firmware sends them. The bound is generous: the proof is that they come at all.
        Assert.DoesNotContain("\"Heartbeat\"", sim.Output);
        Assert.Contains("set", terminal.Command("config set OCPPCommCtrlr.HeartbeatInterval 2", TerminalSession.PrivilegedPrompt));
        sim.WaitForOutput("\"Heartbeat\"", timeoutMs: 20_000);
        Assert.Equal(RealtimeMode.InterruptedExitCode, sim.Stop());
    }

    /// <summary>
    /// Types "login" until the console asks for the password: right after boot the CSMS's
    /// SetVariables may not have arrived yet, and the console then says no password is set.
    /// </summary>
    private static void WaitForPasswordPrompt(TerminalSession terminal)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            terminal.Type("login");
            string answer = terminal.ReadUntilAny(new[] { "password: ", TerminalSession.UserPrompt });
            if (answer.EndsWith("password: ", StringComparison.Ordinal))
            {
                return;
            }

            if (!answer.Contains("no maintenance password is set") || watch.ElapsedMilliseconds > ProvisioningTimeoutMs)
            {
                throw new TimeoutException($"the console did not ask for the password; it said:\n{answer}");
            }

            Thread.Sleep(200);
        }
    }
}
