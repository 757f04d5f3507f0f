using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Charger.Gate.Tests
{
    /// <summary>
    /// Each construct that compiles for desktop .NET (or against the 1.x libraries) but cannot run on
    /// a nanoFramework 1.x board must fail the gate with its own rule id and a message that says what
    /// to use instead (shared/nanoframework.md, "Language and library subset").
    /// </summary>
    public class AnalyzerRuleTests
    {
        private static Diagnostic Single(ImmutableArray<Diagnostic> diagnostics, string id)
        {
            Diagnostic[] matching = diagnostics.Where(d => d.Id == id).ToArray();
            Assert.True(matching.Length > 0, "expected " + id + " but the gate reported:\n" + GateCompiler.Describe(diagnostics));
            return matching[0];
        }

        [Fact]
        public void ListOfT_FailsWithNF1002_NamingTheTypeAndTheReplacement()
        {
            const string source = @"
using System.Collections.Generic;
namespace Device
{
    public class Queue1
    {
        private List<int> _items = new List<int>();
    }
}";
            ImmutableArray<Diagnostic> diagnostics = GateCompiler.Gate(source);

            Diagnostic d = Single(diagnostics, "NF1002");
            string message = diagnostics.Where(x => x.Id == "NF1002").Select(x => x.GetMessage()).First(m => m.Contains("List<int>"));
            Assert.Contains("generic type List<int> cannot run on nanoFramework 1.x", message);
            Assert.Contains("use ArrayList or an array", message);
        }

        [Fact]
        public void ListOfT_StillFailsWhenDesktopDotNetWouldCompileIt()
        {
            // Against desktop references List<T> resolves and compiles: only the analyzer stops it.
            const string source = @"
using System.Collections.Generic;
namespace Device
{
    public class Buffer1
    {
        public int Count() { var items = new List<int>(); items.Add(1); return items.Count; }
    }
}";
            ImmutableArray<Diagnostic> diagnostics = GateCompiler.GateAgainstDesktop(source);

            Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("CS"));
            Single(diagnostics, "NF1002");
        }

        [Fact]
        public void OwnGenericMethod_FailsWithNF1001AtTheDeclarationAndNF1003AtTheCall()
        {
            const string source = @"
namespace Device
{
    public static class Util
    {
        public static T Identity<T>(T value) { return value; }
        public static int UseIt() { return Identity(5); }
    }
}";
            ImmutableArray<Diagnostic> diagnostics = GateCompiler.Gate(source);

            Diagnostic declaration = Single(diagnostics, "NF1001");
            Assert.Contains("generic method Identity<T> cannot run on nanoFramework 1.x", declaration.GetMessage());
            Assert.Equal(5, declaration.Location.GetLineSpan().StartLinePosition.Line);
            Diagnostic call = Single(diagnostics, "NF1003");
            Assert.Equal(6, call.Location.GetLineSpan().StartLinePosition.Line);
        }

        [Fact]
        public void OwnGenericClass_FailsWithNF1001()
        {
            const string source = "namespace Device { public class Box<T> { public T Value; } }";

            Diagnostic d = Single(GateCompiler.Gate(source), "NF1001");

            Assert.Contains("generic type Box<T>", d.GetMessage());
        }

        [Fact]
        public void LibraryGenericDelegate_ActionOfT_FailsWithNF1002()
        {
            // CoreLibrary 1.x declares Action<T>, so this compiles against the real mscorlib; the 1.x
            // runtime stops resolving it (shared/nanoframework.md).
            const string source = @"
namespace Device
{
    public class Notifier
    {
        public System.Action<int> Changed;
        public void Raise() { Changed(1); }
    }
}";
            ImmutableArray<Diagnostic> diagnostics = GateCompiler.Gate(source);

            Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("CS"));
            Diagnostic d = Single(diagnostics, "NF1002");
            Assert.Contains("Action<int>", d.GetMessage());
            Assert.Contains("non-generic delegate", d.GetMessage());
        }

        [Fact]
        public void NullableInt_FailsWithNF1004()
        {
            const string source = "namespace Device { public class Limits { public int? MaxCurrentA; } }";

            Diagnostic d = Single(GateCompiler.Gate(source), "NF1004");

            Assert.Contains("nullable value type int?", d.GetMessage());
            Assert.Contains("sentinel", d.GetMessage());
        }

        [Fact]
        public void GenericNamesInDocumentationComments_AreNotCode()
        {
            const string source = @"
namespace Device
{
    /// <summary>Replaces <see cref=""System.Action{T}""/> with a non-generic delegate.</summary>
    public delegate void Changed(int value);
}";

            Assert.DoesNotContain(GateCompiler.Gate(source), d => d.Id.StartsWith("NF"));
        }

        [Fact]
        public void NullableReferenceAnnotation_IsNotMistakenForNullableValueType()
        {
            const string source = "namespace Device { public class Names { public string Name; } }";

            Assert.DoesNotContain(GateCompiler.Gate(source), d => d.Id == "NF1004");
        }

        [Fact]
        public void AsyncMethod_FailsWithNF1005()
        {
            const string source = @"
namespace Device
{
    public class Uploader
    {
        public async void Upload() { await System.Threading.Tasks.Task.Delay(1); }
    }
}";
            ImmutableArray<Diagnostic> diagnostics = GateCompiler.GateAgainstDesktop(source);

            Diagnostic d = Single(diagnostics, "NF1005");
            Assert.Contains("async does not exist on nanoFramework 1.x", d.GetMessage());
            Assert.Contains(diagnostics, x => x.Id == "NF1005" && x.GetMessage().StartsWith("await"));
        }

        [Fact]
        public void Linq_QueryAndMethodSyntax_FailWithNF1006()
        {
            const string source = @"
using System.Linq;
namespace Device
{
    public class Stats
    {
        public int Sum(int[] values) { return values.Where(v => v > 0).Sum(); }
        public int[] Positive(int[] values) { return (from v in values where v > 0 select v).ToArray(); }
    }
}";
            ImmutableArray<Diagnostic> diagnostics = GateCompiler.GateAgainstDesktop(source);

            Assert.Contains(diagnostics, d => d.Id == "NF1006" && d.GetMessage().Contains("using System.Linq"));
            Assert.Contains(diagnostics, d => d.Id == "NF1006" && d.GetMessage().Contains("query expression"));
            Assert.Contains(diagnostics, d => d.Id == "NF1006" && d.GetMessage().Contains("Enumerable.Where"));
        }

        [Fact]
        public void StringReplace_FailsWithNF1014AndPointsAtStringBuilderReplace()
        {
            const string source = @"
namespace Device
{
    public class Escaper
    {
        public string Escape(string text) { return text.Replace(""\"""", ""\\\""""); }
    }
}";
            ImmutableArray<Diagnostic> diagnostics = GateCompiler.Gate(source);

            Diagnostic d = Single(diagnostics, "NF1014");
            Assert.Equal("string.Replace does not exist on nanoFramework 1.x: use StringBuilder.Replace", d.GetMessage());
            Assert.Equal(5, d.Location.GetLineSpan().StartLinePosition.Line);
            Assert.Equal("Device/Probe.cs", d.Location.GetLineSpan().Path);
            // The stub surface has no string.Replace either, so the real compile fails too.
            Assert.Contains(diagnostics, x => x.Id == "CS1061");
        }

        [Theory]
        [InlineData("NF1007", "public (int a, int b) Pair() { return (1, 2); }", "tuple")]
        [InlineData("NF1009", "public decimal Price = 1.5m;", "decimal")]
        [InlineData("NF1010", "public System.Collections.IEnumerable Items() { yield return 1; }", "yield return")]
        [InlineData("NF1011", "public int Sum() { System.Span<byte> b = stackalloc byte[4]; return b.Length; }", "stackalloc")]
        [InlineData("NF1012", "public char Last(string s) { return s[^1]; }", "^1")]
        [InlineData("NF1013", "public unsafe int Read(int* p) { return *p; }", "unsafe")]
        [InlineData("NF1014", "public string Csv(string[] parts) { return string.Join(\",\", parts); }", "string.Join")]
        [InlineData("NF1014", "public void Order(int[] a) { System.Array.Sort(a); }", "Array.Sort")]
        [InlineData("NF1014", "public int[] None() { return System.Array.Empty<int>(); }", "Array.Empty")]
        [InlineData("NF1014", "public System.DateTime Now() { return System.DateTime.Now; }", "DateTime.Now")]
        [InlineData("NF1014", "public int Ticks() { return System.Environment.TickCount; }", "Environment.TickCount")]
        [InlineData("NF1014", "public void Free() { System.GC.Collect(); }", "GC.Collect")]
        [InlineData("NF1014", "public object Time() { return new System.Diagnostics.Stopwatch(); }", "Stopwatch")]
        [InlineData("NF1014", "public string F(double d) { return d.ToString(System.Globalization.CultureInfo.InvariantCulture); }", "CultureInfo")]
        [InlineData("NF1015", "private volatile int _pending;", "volatile field _pending")]
        public void ConstructOutsideTheSubset_FailsWithItsRule(string ruleId, string member, string expectedInMessage)
        {
            string source = "namespace Device { public class Probe { " + member + " } }";

            ImmutableArray<Diagnostic> diagnostics = GateCompiler.GateAgainstDesktop(source);

            Assert.True(diagnostics.Any(d => d.Id == ruleId && d.GetMessage().Contains(expectedInMessage)),
                "expected " + ruleId + " mentioning '" + expectedInMessage + "', got:\n" + GateCompiler.Describe(diagnostics));
        }

        [Fact]
        public void Record_FailsWithNF1008()
        {
            const string source = "namespace Device { public record Reading(int Value); }";

            Assert.Contains(GateCompiler.GateAgainstDesktop(source), d => d.Id == "NF1008" && d.GetMessage().Contains("Reading"));
        }

        [Fact]
        public void CleanDeviceFile_PassesTheGateWithNoError()
        {
            // Everything shared/nanoframework.md lists as working on 1.x, against the stubs.
            const string source = @"
using System;
using System.Collections;
using System.Text;
using System.Threading;

namespace Device
{
    public delegate void LevelHandler(int level);

    public interface ISampler { int Sample(); }

    public enum Mode { Idle, Charging }

    public struct Sample { public long AtMs; public int Counts; }

    public sealed class Meter : ISampler, IDisposable
    {
        private readonly object _sync = new object();
        private readonly ArrayList _history = new ArrayList();
        private readonly Hashtable _byName = new Hashtable();
        private readonly Sample[] _ring = new Sample[8];
        private int _count;

        public event LevelHandler Changed;

        public Mode Mode { get; init; }

        public int Sample()
        {
            lock (_sync)
            {
                _count++;
                Interlocked.Increment(ref _count);
            }

            long nowMs = Environment.TickCount64;
            _ring[_count % _ring.Length].AtMs = nowMs;
            _history.Add(_count);
            _byName[""last""] = _count;
            foreach (object o in _history) { _count += (int)o; }
            LevelHandler handler = Changed;
            if (handler != null) { handler(_count); }
            int local(int x) => x * 2;
            string label = Mode switch { Mode.Idle => ""idle"", _ => ""charging"" };
            var sb = new StringBuilder();
            sb.Append(label).Append(':').Append(local(_count)).Replace(""x"", ""y"");
            string text = $""{label} {_count} at {nowMs} ms"" + string.Format(""{0}"", 1) + Math.Max(1, 2);
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            string base64 = Convert.ToBase64String(utf8) + BitConverter.ToInt32(utf8, 0) + Guid.NewGuid().ToString();
            try { Thread.Sleep(0); } catch (InvalidOperationException ex) when (ex.Message != null) { throw; }
            return base64.Length + (int)(DateTime.UtcNow - DateTime.UtcNow).TotalMilliseconds;
        }

        public void Dispose() { }
    }

    public static class MeterExtensions
    {
        public static int Twice(this Meter meter) { return meter.Sample() * 2; }
    }
}";
            ImmutableArray<Diagnostic> diagnostics = GateCompiler.Gate(source);

            Assert.True(diagnostics.IsEmpty, GateCompiler.Describe(diagnostics));
        }
    }
}
