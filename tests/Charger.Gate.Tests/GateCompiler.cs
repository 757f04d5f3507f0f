using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NfGate.Analyzer;

namespace Charger.Gate.Tests
{
    /// <summary>
    /// Compiles C# the way the gate does (C# 10, no .NET base library, nanoFramework stub references,
    /// the NfGate analyzer) inside the test process, so each rule is proven in milliseconds.
    /// </summary>
    internal static class GateCompiler
    {
        public static readonly string RepoRoot = FindRepoRoot();

        public static readonly string StubsDir = Path.Combine(RepoRoot, "tools", "NfGate", "bin", "stubs");

        /// <summary>Every stub assembly, as a device project that names all packages would see them.</summary>
        public static readonly string[] AllStubs =
        {
            "mscorlib", "nanoFramework.System.Text", "System.Math", "nanoFramework.System.Collections",
            "nanoFramework.Runtime.Native", "System.Device.Gpio", "System.Device.Adc", "System.Device.Pwm",
            "System.IO.Ports", "System.IO.FileSystem", "System.Net", "System.Net.WebSockets",
            "nanoFramework.Hardware.Esp32", "nanoFramework.TestFramework",
        };

        public static ImmutableArray<Diagnostic> Gate(string source, params string[] stubNames)
        {
            string[] names = stubNames.Length == 0 ? AllStubs : stubNames;
            IEnumerable<MetadataReference> references = names.Select(n => (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(StubsDir, n + ".dll")));
            return Compile(source, references);
        }

        /// <summary>The same source against desktop .NET: what compiles there but the analyzer must still stop.</summary>
        public static ImmutableArray<Diagnostic> GateAgainstDesktop(string source)
        {
            string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
            IEnumerable<MetadataReference> references = Directory.GetFiles(runtimeDir, "System*.dll")
                .Concat(new[] { Path.Combine(runtimeDir, "netstandard.dll"), Path.Combine(runtimeDir, "mscorlib.dll") })
                .Where(File.Exists)
                .Where(IsManagedAssembly)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
            return Compile(source, references);
        }

        private static ImmutableArray<Diagnostic> Compile(string source, IEnumerable<MetadataReference> references)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source,
                new CSharpParseOptions(LanguageVersion.CSharp10), path: "Device/Probe.cs");
            CSharpCompilation compilation = CSharpCompilation.Create("Probe", new[] { tree }, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new NanoFrameworkSubsetAnalyzer()));
            Task<ImmutableArray<Diagnostic>> all = withAnalyzers.GetAllDiagnosticsAsync();
            return all.GetAwaiter().GetResult().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        }

        public static string Describe(IEnumerable<Diagnostic> diagnostics)
        {
            return string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
        }

        private static bool IsManagedAssembly(string path)
        {
            try
            {
                System.Reflection.AssemblyName.GetAssemblyName(path);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }

        private static string FindRepoRoot()
        {
            DirectoryInfo dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "tools", "NfGate", "NfGate.proj")))
            {
                dir = dir.Parent;
            }

            if (dir == null)
            {
                throw new InvalidOperationException("cannot find the repository root (tools/NfGate/NfGate.proj) above " + AppContext.BaseDirectory);
            }

            return dir.FullName;
        }
    }
}
