namespace Charger.Firmware.Console
{
    /// <summary>Every console command with its usage and help text, in the order help lists them.</summary>
    public static class CommandTable
    {
        private static readonly ConsoleCommand[] s_commands = new ConsoleCommand[]
        {
            new ConsoleCommand("help", "help [command]", "list commands, or explain one", "", false),
            new ConsoleCommand("status", "status", "one screen: pilot, contactor, meter, temps, faults, OCPP",
                "Shows the headline of each part; the part's own command shows the detail.", false),
            new ConsoleCommand("pilot", "pilot", "control pilot state, PWM duty, current offered", "", false),
            new ConsoleCommand("meter", "meter", "voltage, current, power, energy, meter link", "", false),
            new ConsoleCommand("temps", "temps", "temperatures and derating", "", false),
            new ConsoleCommand("faults", "faults", "active and recent faults, reason and recovery rule", "", false),
            new ConsoleCommand("log", "log [n] [level] [component]", "last n log lines (default 20)",
                "level is error, warn, info or debug (that level and worse); component filters by name, e.g. 'log 50 warn ocpp'.", false),
            new ConsoleCommand("log", "log follow", "show new log lines as they come; any key stops", "", false),
            new ConsoleCommand("ocpp", "ocpp", "CSMS connection, queue depth, last messages", "", false),
            new ConsoleCommand("config", "config get <Component>.<Variable>", "read a configuration variable",
                "Example: config get OCPPCommCtrlr.HeartbeatInterval", false),
            new ConsoleCommand("slots", "slots", "firmware slots", "", false),
            new ConsoleCommand("crls", "crls", "installed certificate revocation lists",
                "A CRL is installed by the CSMS (DataTransfer org.chargerfirmware InstallCrl); one past its nextUpdate is still used.", false),
            new ConsoleCommand("version", "version", "firmware and hardware versions", "", false),
            new ConsoleCommand("login", "login", "enable privileged commands (asks for the maintenance password)",
                "The password is asked for on its own line and not echoed. 5 wrong passwords lock the login for a while, longer each time.", false),
            new ConsoleCommand("logout", "logout", "end the privileged session", "", true),
            new ConsoleCommand("config", "config set <Component>.<Variable> <value>", "change a configuration variable",
                "Put a value with spaces in double quotes. The change is checked like an OCPP SetVariables.", true),
            new ConsoleCommand("fault", "fault clear <code>", "clear a latched fault",
                "A welded contactor asks for confirmation: check the contactor first, the cable may be live.", true),
            new ConsoleCommand("contactor", "contactor test", "close and open the contactor, check its feedback",
                "Refused while a vehicle is connected. The result is printed when the test ends.", true),
            new ConsoleCommand("ocpp", "ocpp trace on|off", "write every OCPP frame to the log", "See them with 'log follow'.", true),
            new ConsoleCommand("reboot", "reboot", "restart the charger", "", true),
            new ConsoleCommand("factory-reset", "factory-reset", "erase configuration and data, then restart (asks to confirm)", "", true),
        };

        public static int Count
        {
            get { return s_commands.Length; }
        }

        public static ConsoleCommand Get(int index)
        {
            return s_commands[index];
        }

        /// <summary>True when some command starts with <paramref name="name"/> (lower case).</summary>
        public static bool Exists(string name)
        {
            for (int i = 0; i < s_commands.Length; i++)
            {
                if (s_commands[i].Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The entry whose usage starts with "<paramref name="name"/> <paramref name="sub"/>", or null.</summary>
        public static ConsoleCommand Find(string name, string sub)
        {
            string prefix = sub == null || sub.Length == 0 ? name : name + " " + sub;
            for (int i = 0; i < s_commands.Length; i++)
            {
                string usage = s_commands[i].Usage;
                if (s_commands[i].Name == name && usage.Length >= prefix.Length && usage.Substring(0, prefix.Length) == prefix)
                {
                    return s_commands[i];
                }
            }

            return null;
        }
    }
}
