using System;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TestMethodAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SetupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class CleanupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters) { }
        public object[] MethodParameters { get { throw null; } }
    }

    public class AssertFailedException : Exception
    {
        public AssertFailedException(string message) { }
        public AssertFailedException(string message, Exception innerException) { }
    }

    public class SkipTestException : Exception
    {
        public SkipTestException() { }
        public SkipTestException(string message) { }
    }

    public sealed partial class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") { }
        public static void AreEqual(byte expected, byte actual, string message = "") { }
        public static void AreEqual(char expected, char actual, string message = "") { }
        public static void AreEqual(short expected, short actual, string message = "") { }
        public static void AreEqual(int expected, int actual, string message = "") { }
        public static void AreEqual(uint expected, uint actual, string message = "") { }
        public static void AreEqual(long expected, long actual, string message = "") { }
        public static void AreEqual(ulong expected, ulong actual, string message = "") { }
        public static void AreEqual(double expected, double actual, string message = "") { }
        public static void AreEqual(string expected, string actual, string message = "") { }
        public static void AreEqual(object expected, object actual, string message = "") { }
        public static void AreNotEqual(int notExpected, int actual, string message = "") { }
        public static void AreNotEqual(long notExpected, long actual, string message = "") { }
        public static void AreNotEqual(string notExpected, string actual, string message = "") { }
        public static void AreNotEqual(object notExpected, object actual, string message = "") { }
        public static void AreSame(object expected, object actual, string message = "") { }
        public static void AreNotSame(object notExpected, object actual, string message = "") { }
        public static void IsTrue(bool condition, string message = "") { }
        public static void IsFalse(bool condition, string message = "") { }
        public static void IsNull(object value, string message = "") { }
        public static void IsNotNull(object value, string message = "") { }
        public static void ThrowsException(Type exception, Action action, string message = "") { }
        public static void SkipTest(string message = null) { }
    }

    public static class OutputHelper
    {
        public static void WriteLine(string message) { }
        public static void Write(string message) { }
    }
}
