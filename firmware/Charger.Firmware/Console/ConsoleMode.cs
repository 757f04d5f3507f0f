namespace Charger.Firmware.Console
{
    /// <summary>What the console does with the next line or key.</summary>
    public enum ConsoleMode
    {
        /// <summary>Reading a command at the prompt.</summary>
        Command,

        /// <summary>Reading the maintenance password, echo off.</summary>
        Password,

        /// <summary>Waiting for "yes" before a dangerous action.</summary>
        Confirm,

        /// <summary>Showing new log lines; any key returns to the prompt.</summary>
        Follow,

        /// <summary>Printing a long answer (log n) as the UART takes it; typed keys wait.</summary>
        Dump,
    }
}
