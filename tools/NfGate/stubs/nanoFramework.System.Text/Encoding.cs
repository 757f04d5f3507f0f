namespace System.Text
{
    // Encoding, UTF8Encoding and Decoder are in nanoFramework.System.Text (1.x), not in mscorlib:
    // a project that encodes text must reference that package, as the real build requires.
    public abstract class Encoding
    {
        public static Encoding UTF8 { get { throw null; } }
        public virtual byte[] GetBytes(string s) { throw null; }
        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) { throw null; }
        public virtual char[] GetChars(byte[] bytes) { throw null; }
        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) { throw null; }
        public virtual string GetString(byte[] bytes, int index, int count) { throw null; }
        public virtual Decoder GetDecoder() { throw null; }
    }

    public class UTF8Encoding : Encoding
    {
        public UTF8Encoding() { }
        public override byte[] GetBytes(string s) { throw null; }
        public override int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) { throw null; }
        public override char[] GetChars(byte[] bytes) { throw null; }
        public override char[] GetChars(byte[] bytes, int byteIndex, int byteCount) { throw null; }
        public override string GetString(byte[] bytes, int index, int count) { throw null; }
        public override Decoder GetDecoder() { throw null; }
    }

    public abstract class Decoder
    {
        public virtual void Convert(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, int charCount, bool flush, out int bytesUsed, out int charsUsed, out bool completed) { throw null; }
    }
}
