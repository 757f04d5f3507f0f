using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Charger.Gate.Tests
{
    /// <summary>
    /// NF1016: on nanoFramework 1.x (CoreLibrary 1.17.11) Enum.ToString returns the NUMBER, and so does
    /// every implicit enum-to-text conversion (shared/nanoframework.md; issue 11 measured
    /// "chargingState":"3" on the wire). Each form that turns an enum into text must fail the gate;
    /// explicit tables and casts to int must pass.
    /// </summary>
    public class EnumToTextRuleTests
    {
        private static string Probe(string members)
        {
            return @"
using System;
using System.Text;
namespace Device
{
    public enum Mode { Idle, Charging }
    public static class ModeText
    {
        public static string Of(Mode mode) { return mode switch { Mode.Idle => ""Idle"", Mode.Charging => ""Charging"", _ => ""?"" }; }
    }
    public class Probe
    {
        private Mode _mode;
        " + members + @"
    }
}";
        }

        private static Diagnostic[] Nf1016(string members)
        {
            ImmutableArray<Diagnostic> diagnostics = GateCompiler.Gate(Probe(members));
            Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("CS"));
            return diagnostics.Where(d => d.Id == "NF1016").ToArray();
        }

        [Theory]
        [InlineData("public string A() { return _mode.ToString(); }", "ToString()")]
        [InlineData("public string A(Enum e) { return e.ToString(); }", "ToString()")]
        [InlineData("public string A() { return ((Enum)_mode).ToString(); }", "ToString()")]
        [InlineData("public string A() { return \"state \" + _mode; }", "string concatenation")]
        [InlineData("public string A() { return _mode + \" now\"; }", "string concatenation")]
        [InlineData("public string A() { return \"state \" + (object)_mode; }", "string concatenation")]
        [InlineData("public string A() { string s = \"state \"; s += _mode; return s; }", "string concatenation")]
        [InlineData("public string A() { return $\"state {_mode}\"; }", "an interpolation hole")]
        [InlineData("public string A() { return $\"state {_mode,8}\"; }", "an interpolation hole")]
        [InlineData("public string A() { return string.Format(\"state {0}\", _mode); }", "String.Format")]
        [InlineData("public string A() { return string.Format(\"{0} {1} {2} {3}\", 1, 2, 3, _mode); }", "String.Format")]
        [InlineData("public string A() { return string.Format(\"{0}\", new object[] { _mode }); }", "String.Format")]
        [InlineData("public string A() { return string.Concat(\"state \", _mode); }", "String.Concat")]
        [InlineData("public string A() { return new StringBuilder().Append(_mode).ToString(); }", "StringBuilder.Append")]
        public void EnumTurnedIntoText_FailsWithNF1016(string member, string how)
        {
            Diagnostic[] found = Nf1016(member);

            Assert.True(found.Length == 1, "expected one NF1016, got:\n" + GateCompiler.Describe(found));
            string message = found[0].GetMessage();
            Assert.Contains(how, message);
            Assert.Contains("NUMBER on nanoFramework 1.x", message);
            Assert.Equal(13, found[0].Location.GetLineSpan().StartLinePosition.Line);
        }

        [Fact]
        public void EnumToString_NamesTheEnumAndItsTable()
        {
            Diagnostic d = Nf1016("public string A() { return _mode.ToString(); }").Single();

            Assert.Contains("turns enum Mode into text", d.GetMessage());
            Assert.Contains("ModeText.Of", d.GetMessage());
        }

        [Fact]
        public void EveryEnumOperandOfOneConcatenation_IsReported()
        {
            Diagnostic[] found = Nf1016("public string A(Mode from, Mode to) { return \"state \" + from + \" -> \" + to; }");

            Assert.Equal(2, found.Length);
        }

        [Theory]
        [InlineData("public string A() { return ModeText.Of(_mode); }")]
        [InlineData("public string A() { return \"state \" + ModeText.Of(_mode); }")]
        [InlineData("public string A() { return $\"state {ModeText.Of(_mode)}\"; }")]
        [InlineData("public string A() { return \"state \" + (int)_mode; }")]
        [InlineData("public string A() { return $\"state {(int)_mode}\"; }")]
        [InlineData("public string A() { return ((int)_mode).ToString(); }")]
        [InlineData("public string A() { return string.Format(\"{0}\", (int)_mode); }")]
        [InlineData("public string A() { return new StringBuilder().Append((int)_mode).Append(ModeText.Of(_mode)).ToString(); }")]
        [InlineData("public bool A(Mode other) { return _mode == other && Equals((object)_mode, (object)other); }")]
        [InlineData("public object A(System.Collections.ArrayList list) { list.Add(_mode); return list[0]; }")]
        [InlineData("public int A() { return _mode.GetHashCode(); }")]
        [InlineData("public string A(string s, object o) { return s + o + s.ToString(); }")]
        public void ExplicitTableOrNumber_PassesTheGate(string member)
        {
            Diagnostic[] found = Nf1016(member);

            Assert.True(found.Length == 0, GateCompiler.Describe(found));
        }

        [Fact]
        public void EnumToText_FailsAlsoAgainstDesktopReferences()
        {
            // Desktop .NET prints the name, so the code "works" there; the gate must stop it anyway.
            ImmutableArray<Diagnostic> diagnostics = GateCompiler.GateAgainstDesktop(Probe(
                "public string A() { return $\"{_mode}\" + _mode + _mode.ToString(\"G\") + string.Format(\"{0}\", _mode)"
                + " + new StringBuilder().AppendFormat(\"{0}\", _mode) + Convert.ToString(_mode); }"));

            Assert.Equal(6, diagnostics.Count(d => d.Id == "NF1016"));
        }

        [Theory]
        [InlineData("public object A() { return Enum.Parse(typeof(Mode), \"Idle\"); }", "Enum.Parse")]
        [InlineData("public object A() { return Enum.GetName(typeof(Mode), Mode.Idle); }", "Enum.GetName")]
        [InlineData("public object A() { return Enum.GetNames(typeof(Mode)); }", "Enum.GetNames")]
        [InlineData("public object A() { return Enum.GetValues(typeof(Mode)); }", "Enum.GetValues")]
        [InlineData("public object A() { return Enum.IsDefined(typeof(Mode), 1); }", "Enum.IsDefined")]
        public void EnumNameApis_FailWithNF1014PointingAtTheTable(string member, string api)
        {
            // CoreLibrary 1.17.11 has none of these (probed with the real mscorlib: CS0117); the rule
            // names the replacement even where desktop references would compile them.
            ImmutableArray<Diagnostic> diagnostics = GateCompiler.GateAgainstDesktop(Probe(member));

            Assert.Contains(diagnostics, d => d.Id == "NF1014" && d.GetMessage().Contains(api) && d.GetMessage().Contains("XxxText.TryParse"));
        }
    }
}
