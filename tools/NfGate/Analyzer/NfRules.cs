using Microsoft.CodeAnalysis;

namespace NfGate.Analyzer
{
    /// <summary>
    /// The gate's rules. Each one is something that compiles against the nanoFramework 1.x reference
    /// libraries (or against desktop .NET) but cannot run on a 1.x board, or an API that
    /// shared/nanoframework.md lists as missing. All are errors: device code that breaks one cannot land.
    /// </summary>
    public static class NfRules
    {
        private const string Category = "nanoFramework";

        public static readonly DiagnosticDescriptor GenericDeclaration = Rule(
            "NF1001",
            "Generic declaration",
            "generic {0} {1} cannot run on nanoFramework 1.x (the runtime stops while resolving the assembly): write it for object or for one concrete type");

        public static readonly DiagnosticDescriptor GenericTypeUse = Rule(
            "NF1002",
            "Generic type used",
            "generic type {0} cannot run on nanoFramework 1.x: {1}");

        public static readonly DiagnosticDescriptor GenericMethodUse = Rule(
            "NF1003",
            "Generic method called",
            "generic method {0} cannot run on nanoFramework 1.x: call a non-generic method instead");

        public static readonly DiagnosticDescriptor NullableValueType = Rule(
            "NF1004",
            "Nullable value type",
            "nullable value type {0} does not exist on nanoFramework 1.x (no Nullable<T>): use a sentinel value or a separate 'has value' flag");

        public static readonly DiagnosticDescriptor AsyncAwait = Rule(
            "NF1005",
            "async/await or tasks",
            "{0} does not exist on nanoFramework 1.x (no System.Threading.Tasks): use a Thread, a Timer or a state machine driven by Tick");

        public static readonly DiagnosticDescriptor Linq = Rule(
            "NF1006",
            "LINQ",
            "LINQ ({0}) does not exist on nanoFramework 1.x: write the loop");

        public static readonly DiagnosticDescriptor Tuple = Rule(
            "NF1007",
            "Tuple",
            "tuple {0} does not exist on nanoFramework 1.x (no ValueTuple): use a small struct or out parameters");

        public static readonly DiagnosticDescriptor Record = Rule(
            "NF1008",
            "Record",
            "record {0} does not work on nanoFramework 1.x (needs generic IEquatable<T>): use a class or struct");

        public static readonly DiagnosticDescriptor Decimal = Rule(
            "NF1009",
            "decimal",
            "decimal ({0}) does not exist on nanoFramework 1.x: use long in the smallest unit (Wh, mA, cents) or double");

        public static readonly DiagnosticDescriptor Yield = Rule(
            "NF1010",
            "yield",
            "'{0}' iterators do not work on nanoFramework 1.x (they need generic IEnumerable<T>): fill an array or write an IEnumerator class");

        public static readonly DiagnosticDescriptor SpanStackalloc = Rule(
            "NF1011",
            "Span or stackalloc",
            "{0} does not exist on nanoFramework 1.x: use a byte[] with offset and count (or SpanByte)");

        public static readonly DiagnosticDescriptor IndexRange = Rule(
            "NF1012",
            "Index or Range",
            "index/range expression '{0}' does not exist on nanoFramework 1.x (no System.Index/System.Range): use Length - 1 or Substring/Array.Copy");

        public static readonly DiagnosticDescriptor Unsafe = Rule(
            "NF1013",
            "unsafe code",
            "unsafe code ({0}) is not supported on nanoFramework 1.x: use arrays and BitConverter");

        public static readonly DiagnosticDescriptor BannedApi = Rule(
            "NF1014",
            "API missing on nanoFramework 1.x",
            "{0} does not exist on nanoFramework 1.x: {1}");

        public static readonly DiagnosticDescriptor Volatile = Rule(
            "NF1015",
            "volatile field",
            "volatile field {0} does not compile against nanoFramework 1.x (mscorlib has no System.Runtime.CompilerServices.IsVolatile): guard it with lock or use Interlocked");

        public static readonly DiagnosticDescriptor EnumToText = Rule(
            "NF1016",
            "Enum turned into text",
            "{0} turns enum {1} into text, which is its NUMBER on nanoFramework 1.x (Enum.ToString returns the value): map it with an explicit table ({2}.Of / a switch expression), or cast it to int if the number is what you want");

        private static DiagnosticDescriptor Rule(string id, string title, string message)
        {
            return new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
                description: "Device code must stay inside the nanoFramework 1.x subset (shared/nanoframework.md).");
        }
    }
}
