using Charger.Firmware.Console;

namespace Charger.Console.Tests
{
    public class CommandLineTests
    {
        private readonly CommandLine _cmd = new CommandLine();

        [Fact]
        public void WordsAreSplitOnSpacesAndTabs()
        {
            Assert.True(_cmd.Parse("  config   get\tOCPPCommCtrlr.HeartbeatInterval  "));
            Assert.Equal(3, _cmd.Count);
            Assert.Equal("config", _cmd.Word(0));
            Assert.Equal("get", _cmd.Word(1));
            Assert.Equal("OCPPCommCtrlr.HeartbeatInterval", _cmd.Word(2));
            Assert.Equal("", _cmd.Word(3));
        }

        [Fact]
        public void CommandNameIsCaseInsensitiveButArgumentsKeepTheirCase()
        {
            Assert.True(_cmd.Parse("CONFIG Get Foo.Bar"));
            Assert.Equal("config", _cmd.Name);
            Assert.Equal("Foo.Bar", _cmd.Word(2));
        }

        [Fact]
        public void DoubleQuotesKeepSpacesInOneWord()
        {
            Assert.True(_cmd.Parse("config set Vendor.Note \"two words\""));
            Assert.Equal(4, _cmd.Count);
            Assert.Equal("two words", _cmd.Word(3));
        }

        [Fact]
        public void EmptyQuotesAreAnEmptyWord()
        {
            Assert.True(_cmd.Parse("config set A.B \"\""));
            Assert.Equal(4, _cmd.Count);
            Assert.Equal("", _cmd.Word(3));
        }

        [Theory]
        [InlineData("config set A.B \"open", "missing closing quote")]
        [InlineData("config set A.B \"x\"y", "a closing quote must end the word")]
        [InlineData("config set A.B x\"y\"", "a quote may only start a word")]
        [InlineData("a b c d e f g h i", "too many words (at most 8)")]
        public void MalformedLinesAreRefusedWithTheReason(string line, string error)
        {
            Assert.False(_cmd.Parse(line));
            Assert.Equal(error, _cmd.Error);
        }

        [Fact]
        public void BlankLineHasNoWords()
        {
            Assert.True(_cmd.Parse("   "));
            Assert.Equal(0, _cmd.Count);
        }
    }
}
