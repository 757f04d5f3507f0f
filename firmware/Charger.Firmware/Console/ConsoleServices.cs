using Charger.Hal;

namespace Charger.Firmware.Console
{
    /// <summary>
    /// What the console reads and does, gathered so the engine takes one argument. Any member may
    /// stay null: the commands that need it then answer "not available on this build" instead of
    /// failing, so the console can be attached before every component exists.
    /// </summary>
    public sealed class ConsoleServices
    {
        public IConsoleStatusSource Status { get; set; }

        public IConfigAccess Config { get; set; }

        public IFaultControl Faults { get; set; }

        public IContactorTest ContactorTest { get; set; }

        public IOcppTrace OcppTrace { get; set; }

        public IRebootController Reboot { get; set; }

        public IFactoryReset FactoryReset { get; set; }

        /// <summary>Without a verifier nobody can log in, so every privileged command stays refused.</summary>
        public IMaintenancePasswordVerifier Password { get; set; }

        public IConsoleSecurityEvents SecurityEvents { get; set; }
    }
}
