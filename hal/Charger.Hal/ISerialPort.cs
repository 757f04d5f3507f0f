namespace Charger.Hal
{
    /// <summary>
    /// A byte stream over a UART (RS-485 meter bus, debug console). Reads never wait longer than
    /// the timeout they are given, so a caller inside Tick passes 0 and polls.
    /// </summary>
    public interface ISerialPort
    {
        int BaudRate { get; }

        bool IsOpen { get; }

        /// <summary>Bytes received and not yet read.</summary>
        int BytesAvailable { get; }

        void Open();

        void Close();

        /// <summary>
        /// Reads up to <paramref name="count"/> bytes. Returns as soon as at least one byte is
        /// there, or 0 when <paramref name="timeoutMs"/> passes first (0 = do not wait).
        /// </summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMs);

        void Write(byte[] buffer, int offset, int count);

        /// <summary>Drops everything received and not yet read (resynchronisation after noise).</summary>
        void DiscardInput();
    }
}
