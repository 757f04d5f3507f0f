using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Charger.Gate.Tests
{
    /// <summary>
    /// The gate checks what the board build will see: each gate project names the same reference
    /// assemblies and project references as its .nfproj, and each .nfproj's HintPaths agree with its
    /// packages.config and the versions in nf.proj.props.
    /// </summary>
    public class NfprojMirrorTests
    {
        // Assemblies the board needs deployed but no device source calls directly, so no stub exists.
        // (System.Net.Http left this list when NanoHttpTransfer started calling it: it has a stub now.)
        private static readonly HashSet<string> DeployOnly = new HashSet<string>
        {
            "nanoFramework.Runtime.Events", "System.IO.Streams", "nanoFramework.UnitTestLauncher",
        };

        public static IEnumerable<object[]> GateProjects()
        {
            string gateDir = Path.Combine(GateCompiler.RepoRoot, "tools", "NfGate", "gate");
            return Directory.GetFiles(gateDir, "*.Gate.csproj", SearchOption.AllDirectories)
                .Select(p => new object[] { Path.GetFileName(p) });
        }

        [Theory]
        [MemberData(nameof(GateProjects))]
        public void GateProject_ReferencesWhatItsNfprojReferences(string gateFile)
        {
            string gatePath = Directory.GetFiles(Path.Combine(GateCompiler.RepoRoot, "tools", "NfGate", "gate"), gateFile, SearchOption.AllDirectories).Single();
            XDocument gate = XDocument.Load(gatePath);
            string sourceDir = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(gatePath), "../../../..",
                Value(gate, "NfSourceDir").Replace("$(MSBuildThisFileDirectory)../../../../", "")));
            string nfprojPath = Directory.GetFiles(sourceDir, "*.nfproj").Single();
            XDocument nfproj = XDocument.Load(nfprojPath);

            string[] stubs = Items(gate, "NfPackage").OrderBy(s => s).ToArray();
            string[] references = Items(nfproj, "Reference").Where(r => !DeployOnly.Contains(r)).OrderBy(s => s).ToArray();
            Assert.Equal(references, stubs);

            string[] gateProjects = Items(gate, "ProjectReference").Select(p => Path.GetFileName(p).Replace(".Gate.csproj", "")).OrderBy(s => s).ToArray();
            string[] nfProjects = Items(nfproj, "ProjectReference").Select(p => Path.GetFileNameWithoutExtension(p.Replace('\\', '/'))).OrderBy(s => s).ToArray();
            Assert.Equal(nfProjects, gateProjects);
            Assert.Equal(Value(nfproj, "AssemblyName"), Value(gate, "AssemblyName"));
        }

        public static IEnumerable<object[]> Nfprojs()
        {
            return Directory.GetFiles(GateCompiler.RepoRoot, "*.nfproj", SearchOption.AllDirectories)
                .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
                .Select(p => new object[] { Path.GetRelativePath(GateCompiler.RepoRoot, p) });
        }

        [Theory]
        [MemberData(nameof(Nfprojs))]
        public void NfprojHintPaths_MatchPackagesConfigAndNfProjProps(string nfprojRelative)
        {
            string nfprojPath = Path.Combine(GateCompiler.RepoRoot, nfprojRelative);
            XDocument nfproj = XDocument.Load(nfprojPath);
            XDocument props = XDocument.Load(Path.Combine(GateCompiler.RepoRoot, "nf.proj.props"));
            Dictionary<string, string> packages = XDocument.Load(Path.Combine(Path.GetDirectoryName(nfprojPath), "packages.config"))
                .Descendants("package").ToDictionary(p => (string)p.Attribute("id"), p => (string)p.Attribute("version"));

            foreach (XElement hint in nfproj.Descendants().Where(e => e.Name.LocalName == "HintPath"))
            {
                // $(NfPackagesDir)<package id>.$(<VersionProperty>)\lib\<assembly>.dll|exe
                Match m = Regex.Match(hint.Value, @"^\$\(NfPackagesDir\)(?<id>.+)\.\$\((?<prop>\w+)\)\\lib\\(?<asm>[^\\]+)\.(dll|exe)$");
                Assert.True(m.Success, "unexpected HintPath " + hint.Value);
                string id = m.Groups["id"].Value;
                string version = props.Descendants().Single(e => e.Name.LocalName == m.Groups["prop"].Value).Value;
                Assert.True(packages.ContainsKey(id), id + " is referenced but not in packages.config");
                Assert.Equal(version, packages[id]);
                Assert.Equal((string)hint.Parent.Attribute("Include"), m.Groups["asm"].Value);
            }
        }

        private static IEnumerable<string> Items(XDocument doc, string itemName)
        {
            return doc.Descendants().Where(e => e.Name.LocalName == itemName)
                .SelectMany(e => ((string)e.Attribute("Include")).Split(';', StringSplitOptions.RemoveEmptyEntries));
        }

        private static string Value(XDocument doc, string property)
        {
            return doc.Descendants().First(e => e.Name.LocalName == property).Value;
        }
    }
}
