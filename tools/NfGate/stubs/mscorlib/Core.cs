// Surface stub of nanoFramework mscorlib (CoreLibrary 1.17.x): the types the C# compiler needs and
// the members device code may call. Every member here exists in the real library with the same
// signature; bodies are placeholders because this assembly is only ever referenced, never run.
namespace System
{
    // CoreLibrary 1.17.11 System/SpanByte.cs: the byte span of 1.x (no generic Span<T>).
    public struct SpanByte
    {
        public SpanByte(byte[] array) { }
        public SpanByte(byte[] array, int start, int length) { }
        public byte this[int index] { get { throw null; } set { } }
        public static SpanByte Empty { get { throw null; } }
        public int Length { get { throw null; } }
        public bool IsEmpty { get { throw null; } }
        public void CopyTo(SpanByte destination) { }
        public SpanByte Slice(int start) { throw null; }
        public SpanByte Slice(int start, int length) { throw null; }
        public byte[] ToArray() { throw null; }
        public static implicit operator SpanByte(byte[] array) { throw null; }
    }

    public class Object
    {
        public Object() { }
        public virtual bool Equals(object obj) { throw null; }
        public static bool Equals(object objA, object objB) { throw null; }
        public static bool ReferenceEquals(object objA, object objB) { throw null; }
        public virtual int GetHashCode() { throw null; }
        public Type GetType() { throw null; }
        public virtual string ToString() { throw null; }
        protected object MemberwiseClone() { throw null; }
        ~Object() { }
    }

    public abstract class ValueType
    {
        public override bool Equals(object obj) { throw null; }
        public override int GetHashCode() { throw null; }
        public override string ToString() { throw null; }
    }

    public abstract class Enum : ValueType
    {
        public override string ToString() { throw null; }
        public bool HasFlag(Enum flag) { throw null; }
    }

    public struct Void { }

    public struct Boolean
    {
        public static readonly string FalseString = "False";
        public static readonly string TrueString = "True";
        public override string ToString() { throw null; }
    }

    public struct Char
    {
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x00;
        public override string ToString() { throw null; }
        public char ToLower() { throw null; }
        public char ToUpper() { throw null; }
    }

    public struct SByte
    {
        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;
        public override string ToString() { throw null; }
        public string ToString(string format) { throw null; }
        public static sbyte Parse(string s) { throw null; }
        public static bool TryParse(string s, out sbyte result) { throw null; }
    }

    public struct Byte
    {
        public const byte MaxValue = 255;
        public const byte MinValue = 0;
        public override string ToString() { throw null; }
        public string ToString(string format) { throw null; }
        public static byte Parse(string s) { throw null; }
        public static bool TryParse(string s, out byte result) { throw null; }
    }

    public struct Int16
    {
        public const short MaxValue = 32767;
        public const short MinValue = -32768;
        public override string ToString() { throw null; }
        public string ToString(string format) { throw null; }
        public static short Parse(string s) { throw null; }
        public static bool TryParse(string s, out short result) { throw null; }
    }

    public struct UInt16
    {
        public const ushort MaxValue = 0xFFFF;
        public const ushort MinValue = 0;
        public override string ToString() { throw null; }
        public string ToString(string format) { throw null; }
        public static ushort Parse(string s) { throw null; }
        public static bool TryParse(string s, out ushort result) { throw null; }
    }

    public struct Int32
    {
        public const int MaxValue = 0x7fffffff;
        public const int MinValue = unchecked((int)0x80000000);
        public override string ToString() { throw null; }
        public string ToString(string format) { throw null; }
        public static int Parse(string s) { throw null; }
        public static bool TryParse(string s, out int result) { throw null; }
    }

    public struct UInt32
    {
        public const uint MaxValue = 0xffffffff;
        public const uint MinValue = 0U;
        public override string ToString() { throw null; }
        public string ToString(string format) { throw null; }
        public static uint Parse(string s) { throw null; }
        public static bool TryParse(string s, out uint result) { throw null; }
    }

    public struct Int64
    {
        public const long MaxValue = 0x7fffffffffffffffL;
        public const long MinValue = unchecked((long)0x8000000000000000L);
        public override string ToString() { throw null; }
        public string ToString(string format) { throw null; }
        public static long Parse(string s) { throw null; }
        public static bool TryParse(string s, out long result) { throw null; }
    }

    public struct UInt64
    {
        public const ulong MaxValue = 0xffffffffffffffffL;
        public const ulong MinValue = 0x0;
        public override string ToString() { throw null; }
        public string ToString(string format) { throw null; }
        public static ulong Parse(string s) { throw null; }
        public static bool TryParse(string s, out ulong result) { throw null; }
    }

    public struct Single
    {
        public const float MinValue = (float)-3.40282346638528859e+38;
        public const float Epsilon = (float)1.4e-45;
        public const float MaxValue = (float)3.40282346638528859e+38;
        public override string ToString() { throw null; }
        public string ToString(string format) { throw null; }
        public static float Parse(string s) { throw null; }
        public static bool TryParse(string s, out float result) { throw null; }
    }

    public struct Double
    {
        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double NegativeInfinity = (double)-1.0 / (double)(0.0);
        public const double PositiveInfinity = (double)1.0 / (double)(0.0);
        public const double NaN = (double)0.0 / (double)0.0;
        public override string ToString() { throw null; }
        public string ToString(string format) { throw null; }
        public static double Parse(string s) { throw null; }
        public static bool TryParse(string s, out double result) { throw null; }
        public static bool IsNaN(double d) { throw null; }
        public static bool IsInfinity(double d) { throw null; }
        public static bool IsNegativeInfinity(double d) { throw null; }
        public static bool IsPositiveInfinity(double d) { throw null; }
    }

    public struct IntPtr
    {
        public static readonly IntPtr Zero;
    }

    public struct UIntPtr
    {
    }

    public struct RuntimeTypeHandle { }

    public struct RuntimeFieldHandle { }

    public struct RuntimeMethodHandle { }

    public abstract class Delegate
    {
        public object Target { get { throw null; } }
        public System.Reflection.MethodInfo Method { get { throw null; } }
        public override bool Equals(object obj) { throw null; }
        public override int GetHashCode() { throw null; }
        public static Delegate Combine(Delegate a, Delegate b) { throw null; }
        public static Delegate Remove(Delegate source, Delegate value) { throw null; }
        public static bool operator ==(Delegate d1, Delegate d2) { throw null; }
        public static bool operator !=(Delegate d1, Delegate d2) { throw null; }
    }

    public abstract class MulticastDelegate : Delegate
    {
        public static bool operator ==(MulticastDelegate d1, MulticastDelegate d2) { throw null; }
        public static bool operator !=(MulticastDelegate d1, MulticastDelegate d2) { throw null; }
    }

    public interface IDisposable
    {
        void Dispose();
    }

    public interface ICloneable
    {
        object Clone();
    }

    public interface IComparable
    {
        int CompareTo(object obj);
    }

    public interface IFormatProvider
    {
        object GetFormat(Type formatType);
    }

    public interface IFormattable
    {
        string ToString(string format, IFormatProvider formatProvider);
    }

    public interface IAsyncResult
    {
        object AsyncState { get; }
        System.Threading.WaitHandle AsyncWaitHandle { get; }
        bool CompletedSynchronously { get; }
        bool IsCompleted { get; }
    }

    public delegate void AsyncCallback(IAsyncResult ar);

    public delegate void Action();

    // Generic delegates exist in CoreLibrary 1.x and compile, but the 1.x runtime cannot resolve
    // them: the NfGate analyzer (NF1003) rejects every use in device code.
    public delegate void Action<in T>(T obj);

    public delegate void Action<in T1, in T2>(T1 arg1, T2 arg2);

    public delegate TResult Func<out TResult>();

    public delegate TResult Func<in T, out TResult>(T arg);

    public delegate TResult Func<in T1, in T2, out TResult>(T1 arg1, T2 arg2);

    public class EventArgs
    {
        public static readonly EventArgs Empty = new EventArgs();
        public EventArgs() { }
    }

    public delegate void EventHandler(object sender, EventArgs e);

    public abstract class Attribute
    {
        protected Attribute() { }
    }

    [Flags]
    public enum AttributeTargets
    {
        Assembly = 0x0001,
        Module = 0x0002,
        Class = 0x0004,
        Struct = 0x0008,
        Enum = 0x0010,
        Constructor = 0x0020,
        Method = 0x0040,
        Property = 0x0080,
        Field = 0x0100,
        Event = 0x0200,
        Interface = 0x0400,
        Parameter = 0x0800,
        Delegate = 0x1000,
        ReturnValue = 0x2000,
        GenericParameter = 0x4000,
        All = Assembly | Module | Class | Struct | Enum | Constructor | Method | Property | Field | Event | Interface | Parameter | Delegate | ReturnValue | GenericParameter,
    }

    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class AttributeUsageAttribute : Attribute
    {
        public AttributeUsageAttribute(AttributeTargets validOn) { }
        public AttributeTargets ValidOn { get { throw null; } }
        public bool AllowMultiple { get { throw null; } set { } }
        public bool Inherited { get { throw null; } set { } }
    }

    [AttributeUsage(AttributeTargets.Enum, Inherited = false)]
    public class FlagsAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
    public sealed class ParamArrayAttribute : Attribute
    {
        public ParamArrayAttribute() { }
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Delegate, Inherited = false)]
    public sealed class SerializableAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Field, Inherited = false)]
    public sealed class NonSerializedAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.All, Inherited = true, AllowMultiple = false)]
    public sealed class CLSCompliantAttribute : Attribute
    {
        public CLSCompliantAttribute(bool isCompliant) { }
        public bool IsCompliant { get { throw null; } }
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Event | AttributeTargets.Interface | AttributeTargets.Delegate, Inherited = false)]
    public sealed class ObsoleteAttribute : Attribute
    {
        public ObsoleteAttribute() { }
        public ObsoleteAttribute(string message) { }
        public ObsoleteAttribute(string message, bool error) { }
        public string Message { get { throw null; } }
        public bool IsError { get { throw null; } }
    }

    public abstract class MarshalByRefObject
    {
        protected MarshalByRefObject() { }
    }
}
