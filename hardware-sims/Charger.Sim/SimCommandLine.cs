namespace Charger.Sim;

/// <summary>The simulator's options, parsed by hand so each mistake gets one precise line.</summary>
public sealed class SimCommandLine
{
    public static readonly (string Flag, string Arg, string Help)[] Options =
    {
        ("--scenario", "<file>", "run a scenario script (default: scenarios/normal-rfid-session.scn)"),
        ("--events", "<file>", "write a JSON-lines event log: pilot, offer, contactor, faults, meter, OCPP frames, each with tMs"),
        ("--chart", "<file.svg>", "write the session chart (currents, power, energy, temperatures, pilot state)"),
        ("--realtime", "", "run against the wall clock with a live status line instead of virtual time"),
        ("--csms", "<ws url>", "connect to an external CSMS instead of the built-in one (implies --realtime)"),
        ("--id", "<station id>", "station identity towards the CSMS (default CF-SIM-001)"),
        ("--password", "<password>", "HTTP Basic password for security profile 1/2"),
        ("--ca", "<file.pem>", "CSMS root certificate(s) the station trusts for a wss:// --csms (security profile 2)"),
        ("--client-cert", "<file.pem>", "the station's client certificate for a wss:// --csms (security profile 3, with --client-key)"),
        ("--client-key", "<file.pem>", "the private key of --client-cert"),
        ("--console", "", "attach the serial debug console to a pseudo-terminal and print its path"),
        ("--seed", "<n>", "seed for every random choice in the run (default 1)"),
        ("--frames", "", "also print OCPP frames, meter readings and log lines in the timeline"),
        ("--quiet", "", "print only the summary"),
        ("--help", "", "show this help"),
    };

    public string Scenario { get; private set; }
    public string EventsFile { get; private set; }
    public string ChartFile { get; private set; }
    public bool Realtime { get; private set; }
    public string CsmsUrl { get; private set; }
    public string StationId { get; private set; } = "CF-SIM-001";
    public string Password { get; private set; }
    public string CaFile { get; private set; }
    public string ClientCertFile { get; private set; }
    public string ClientKeyFile { get; private set; }
    public bool Console { get; private set; }
    public ulong Seed { get; private set; } = 1;
    public bool Frames { get; private set; }
    public bool Quiet { get; private set; }
    public bool Help { get; private set; }

    /// <summary>Parses <paramref name="args"/>; on a mistake returns null and sets <paramref name="error"/>.</summary>
    public static SimCommandLine Parse(string[] args, out string error)
    {
        var o = new SimCommandLine();
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string flag = args[i];
            var known = Options.FirstOrDefault(x => x.Flag == flag);
            if (known.Flag == null)
            {
                error = $"unknown option '{flag}'; see --help";
                return null;
            }

            string value = null;
            if (known.Arg.Length > 0)
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--"))
                {
                    error = $"{flag} needs {known.Arg}";
                    return null;
                }

                value = args[++i];
            }

            switch (flag)
            {
                case "--scenario": o.Scenario = value; break;
                case "--events": o.EventsFile = value; break;
                case "--chart": o.ChartFile = value; break;
                case "--realtime": o.Realtime = true; break;
                case "--csms": o.CsmsUrl = value; o.Realtime = true; break;
                case "--id": o.StationId = value; break;
                case "--password": o.Password = value; break;
                case "--ca": o.CaFile = value; break;
                case "--client-cert": o.ClientCertFile = value; break;
                case "--client-key": o.ClientKeyFile = value; break;
                case "--console": o.Console = true; break;
                case "--seed":
                    if (!ulong.TryParse(value, out ulong seed))
                    {
                        error = $"--seed needs a whole number, got '{value}'";
                        return null;
                    }

                    o.Seed = seed;
                    break;
                case "--frames": o.Frames = true; break;
                case "--quiet": o.Quiet = true; break;
                default: o.Help = true; break;
            }
        }

        return o;
    }

    public static string HelpText()
    {
        var lines = new List<string>
        {
            "ChargerFirmware simulator: the real firmware on simulated hardware, charging a simulated car",
            "against the built-in CSMS, in virtual time.",
            "",
            "usage: dotnet run --project hardware-sims/Charger.Sim -- [options]",
            "",
        };
        lines.AddRange(Options.Select(o => $"  {(o.Flag + " " + o.Arg).PadRight(26)}{o.Help}"));
        lines.Add("");
        lines.Add("Exit code 0 when the scenario ran to its end and every expectation held; 1 when an expectation");
        lines.Add("failed (each failure names its script line); 2 for a bad option or script.");
        return string.Join(Environment.NewLine, lines);
    }
}
