using System;
using System.Diagnostics;
using System.IO;

namespace Charger.Gate.Tests
{
    /// <summary>
    /// End to end: the real MSBuild gate (tools/NfGate/NfGate.Device.props/.targets, stubs, analyzer)
    /// on a throw-away gate project in a temporary folder, built with `dotnet build` as the test
    /// command builds tools/NfGate/NfGate.proj.
    /// </summary>
    [Collection("msbuild")]
    public sealed class MsBuildGateTests : IDisposable
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);
        private readonly string _workDir;

        public MsBuildGateTests()
        {
            _workDir = Path.Combine(Path.GetTempPath(), "nfgate-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(_workDir, "src"));
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_workDir, true);
            }
            catch (IOException)
            {
                // A lingering build node may still hold a file; the temp folder is cleaned by the OS.
            }
        }

        [Fact]
        public void GateBuild_FailsOnAFileWithListOfT_NamingFileLineAndRule()
        {
            File.WriteAllText(Path.Combine(_workDir, "src", "BadQueue.cs"),
                "using System.Collections.Generic;\n" +
                "namespace Device\n" +
                "{\n" +
                "    public class BadQueue\n" +
                "    {\n" +
                "        private List<int> _items;\n" +
                "    }\n" +
                "}\n");
            string project = WriteGateProject("mscorlib");

            BuildResult result = Build(project, null);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("BadQueue.cs(6,17): error NF1002: generic type List<int> cannot run on nanoFramework 1.x: use ArrayList or an array", result.Output);
            Assert.DoesNotContain("PASSED", result.Output);
        }

        [Fact]
        public void NfReferencePath_SwitchesTheReferenceSet_FromStubsToTheDllsInThatFolder()
        {
            // The project names only mscorlib, so with the stubs a GPIO call cannot compile; a folder
            // that holds mscorlib.dll and System.Device.Gpio.dll (as a folder of the real package DLLs
            // would) makes it compile with no other change.
            File.WriteAllText(Path.Combine(_workDir, "src", "Led.cs"),
                "namespace Device\n" +
                "{\n" +
                "    public class Led\n" +
                "    {\n" +
                "        public void On(System.Device.Gpio.GpioController gpio) { gpio.Write(2, System.Device.Gpio.PinValue.High); }\n" +
                "    }\n" +
                "}\n");
            string project = WriteGateProject("mscorlib");
            string referenceDir = Path.Combine(_workDir, "packages-dlls");
            Directory.CreateDirectory(referenceDir);
            File.Copy(Path.Combine(GateCompiler.StubsDir, "mscorlib.dll"), Path.Combine(referenceDir, "mscorlib.dll"));
            File.Copy(Path.Combine(GateCompiler.StubsDir, "System.Device.Gpio.dll"), Path.Combine(referenceDir, "System.Device.Gpio.dll"));

            BuildResult withStubs = Build(project, null);
            BuildResult withFolder = Build(project, referenceDir);

            Assert.NotEqual(0, withStubs.ExitCode);
            Assert.Contains("error CS0234", withStubs.Output);
            Assert.True(withFolder.ExitCode == 0, withFolder.Output);
            Assert.Contains("NfGate: GateProbe PASSED the nanoFramework 1.x gate (1 files, C# 10, against the package DLLs in " + referenceDir, withFolder.Output);
        }

        private string WriteGateProject(string package)
        {
            string gateDir = Path.Combine(GateCompiler.RepoRoot, "tools", "NfGate") + Path.DirectorySeparatorChar;
            string project = Path.Combine(_workDir, "GateProbe.csproj");
            File.WriteAllText(project,
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n" +
                "  <PropertyGroup><NfGateDir>" + gateDir + "</NfGateDir></PropertyGroup>\n" +
                "  <Import Project=\"" + gateDir + "NfGate.Device.props\" />\n" +
                "  <PropertyGroup>\n" +
                "    <AssemblyName>GateProbe</AssemblyName>\n" +
                "    <NfSourceDir>" + Path.Combine(_workDir, "src") + Path.DirectorySeparatorChar + "</NfSourceDir>\n" +
                "    <OutputPath>" + Path.Combine(_workDir, "bin") + Path.DirectorySeparatorChar + "</OutputPath>\n" +
                "  </PropertyGroup>\n" +
                "  <ItemGroup><NfPackage Include=\"" + package + "\" /></ItemGroup>\n" +
                "  <Import Project=\"" + gateDir + "NfGate.Device.targets\" />\n" +
                "</Project>\n");
            return project;
        }

        private static BuildResult Build(string project, string nfReferencePath)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(project),
            };
            start.ArgumentList.Add("build");
            start.ArgumentList.Add(project);
            start.ArgumentList.Add("-nologo");
            start.ArgumentList.Add("-nodeReuse:false");
            start.ArgumentList.Add("-p:UseSharedCompilation=false");
            // The test host's own MSBuild variables must not leak into the child build.
            foreach (string name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "NfReferencePath" })
            {
                start.Environment.Remove(name);
            }

            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            if (nfReferencePath != null)
            {
                // As an environment variable, the way CI or a developer shell would set it.
                start.Environment["NfReferencePath"] = nfReferencePath;
            }

            using (Process process = Process.Start(start))
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit((int)BuildTimeout.TotalMilliseconds))
                {
                    process.Kill(true);
                    throw new TimeoutException("dotnet build of the gate probe did not finish in " + BuildTimeout);
                }

                return new BuildResult(process.ExitCode, stdout.Result + stderr.Result);
            }
        }

        private sealed class BuildResult
        {
            public BuildResult(int exitCode, string output)
            {
                ExitCode = exitCode;
                Output = output;
            }

            public int ExitCode { get; }

            public string Output { get; }
        }
    }
}
