using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NfGate.Analyzer;

namespace NfGate.Check
{
    /// <summary>
    /// nfgate-check @args.rsp, where each line is "-r:reference.dll" or "-s:source.cs". Compiles the
    /// sources in memory at C# 10 against exactly those references and, when that compilation has
    /// errors, prints the analyzer's NFxxxx rejections in MSBuild's canonical error format (the
    /// compiler itself then stays silent about them). Exit code 1 when it printed any.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var references = new List<MetadataReference>();
            var trees = new List<SyntaxTree>();
            var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp10);
            foreach (string line in ReadArguments(args))
            {
                if (line.StartsWith("-r:", StringComparison.Ordinal))
                {
                    references.Add(MetadataReference.CreateFromFile(line.Substring(3)));
                }
                else if (line.StartsWith("-s:", StringComparison.Ordinal))
                {
                    string path = line.Substring(3);
                    trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path));
                }
            }

            CSharpCompilation compilation = CSharpCompilation.Create("NfGateCheck", trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            bool compiles = !compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
            if (compiles)
            {
                // The compiler runs the same analyzer and reports its findings itself.
                return 0;
            }

            ImmutableArray<Diagnostic> found = compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NanoFrameworkSubsetAnalyzer()))
                .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            int count = 0;
            foreach (Diagnostic d in found.OrderBy(d => d.Location.SourceTree?.FilePath).ThenBy(d => d.Location.SourceSpan.Start))
            {
                FileLinePositionSpan span = d.Location.GetLineSpan();
                Console.WriteLine(span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1)
                    + "): error " + d.Id + ": " + d.GetMessage());
                count++;
            }

            return count == 0 ? 0 : 1;
        }

        private static IEnumerable<string> ReadArguments(string[] args)
        {
            foreach (string arg in args)
            {
                if (arg.StartsWith("@", StringComparison.Ordinal))
                {
                    foreach (string line in File.ReadAllLines(arg.Substring(1)))
                    {
                        if (line.Length > 0)
                        {
                            yield return line;
                        }
                    }
                }
                else
                {
                    yield return arg;
                }
            }
        }
    }
}
