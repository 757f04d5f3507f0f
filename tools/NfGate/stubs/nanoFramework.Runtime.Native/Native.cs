namespace System
{
    // nanoFramework.Runtime.Native/System/Environment.cs: TickCount64 only (no TickCount).
    public static partial class Environment
    {
        public static long TickCount64 { get { throw null; } }
    }
}

namespace nanoFramework.Runtime.Native
{
    public delegate void RebootEventHandler();

    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }

    public class Power
    {
        public static event RebootEventHandler OnRebootEvent;
        public static void RebootDevice() { }
        public static void RebootDevice(int exeConstraintTimeout) { }
    }

    public static class GC
    {
        public static uint Run(bool compactHeap) { throw null; }
        public static void EnableGCMessages(bool enable) { }
    }

    public sealed class ExecutionConstraint
    {
        public static void Install(int timeout, int priority) { }
    }
}
