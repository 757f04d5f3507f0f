namespace Charger.Firmware.Console
{
    /// <summary>What one input byte did to the line being edited.</summary>
    public enum LineEvent
    {
        /// <summary>Still editing.</summary>
        None,

        /// <summary>Enter: the line is complete and waits in the editor.</summary>
        LineReady,

        /// <summary>Ctrl-C: the line was thrown away.</summary>
        Cancelled,

        /// <summary>Enter on a line that went past the limit: thrown away, nothing runs.</summary>
        TooLong,
    }
}
