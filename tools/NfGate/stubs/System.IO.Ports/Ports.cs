using System.Text;

namespace System.IO.Ports
{
    public enum Handshake
    {
        None = 0,
        XOnXOff,
        RequestToSend,
        RequestToSendXOnXOff,
    }

    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
        Mark = 3,
        Space = 4,
    }

    public enum StopBits
    {
        None = 0,
        One = 1,
        Two = 2,
        OnePointFive = 3,
    }

    public enum SerialMode
    {
        Normal = 0,
        RS485 = 1,
    }

    public enum SerialData
    {
        Chars = 1,
        Eof = 2,
        WatchChar = 3,
    }

    public class SerialDataReceivedEventArgs : EventArgs
    {
        public SerialData EventType { get { throw null; } }
    }

    public delegate void SerialDataReceivedEventHandler(object sender, SerialDataReceivedEventArgs e);

    // System.IO.Ports/SerialPort.cs: ReadTimeout rejects values <= 0 (use InfiniteTimeout or a positive ms).
    public sealed class SerialPort : IDisposable
    {
        public const int InfiniteTimeout = -1;
        public const string DefaultNewLine = "\r\n";
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) { }
        public static string[] GetPortNames() { throw null; }
        public int BaudRate { get { throw null; } set { } }
        public Handshake Handshake { get { throw null; } set { } }
        public int DataBits { get { throw null; } set { } }
        public Parity Parity { get { throw null; } set { } }
        public SerialMode Mode { get { throw null; } set { } }
        public StopBits StopBits { get { throw null; } set { } }
        public string PortName { get { throw null; } }
        public char WatchChar { get { throw null; } set { } }
        public Encoding Encoding { get { throw null; } set { } }
        public bool IsOpen { get { throw null; } }
        public string NewLine { get { throw null; } set { } }
        public int ReadTimeout { get { throw null; } set { } }
        public int WriteTimeout { get { throw null; } set { } }
        public int ReceivedBytesThreshold { get { throw null; } set { } }
        public Stream BaseStream { get { throw null; } }
        public int BytesToRead { get { throw null; } }
        public event SerialDataReceivedEventHandler DataReceived { add { } remove { } }
        public void Open() { }
        public void Close() { }
        public int Read(byte[] buffer, int offset, int count) { throw null; }
        public int ReadByte() { throw null; }
        public string ReadExisting() { throw null; }
        public string ReadLine() { throw null; }
        public void Write(byte[] buffer, int offset, int count) { }
        public void Write(string text) { }
        public void Write(char[] buffer, int offset, int count) { }
        public void WriteLine(string text) { }
        public void Dispose() { }
    }
}
