using System.Text;
using Charger.Firmware.Console;

namespace Charger.Console.Tests
{
    /// <summary>The line editor on its own: bytes in, events and echo out.</summary>
    public class LineEditorTests
    {
        private readonly OutputBuffer _echo = new OutputBuffer(4096);
        private readonly CommandHistory _history = new CommandHistory(4);
        private readonly LineEditor _editor;

        public LineEditorTests()
        {
            _editor = new LineEditor(16, _echo, _history);
        }

        private LineEvent Feed(string text)
        {
            LineEvent last = LineEvent.None;
            foreach (char c in text)
            {
                LineEvent e = _editor.Feed((byte)c);
                if (e != LineEvent.None)
                {
                    last = e;
                }
            }

            return last;
        }

        private string Echo()
        {
            var port = new Fakes.FakeSerialPort(0);
            _echo.Drain(port, 100000);
            return port.TakeText();
        }

        [Fact]
        public void PrintableCharactersAreEchoedAndCarriageReturnCompletesTheLine()
        {
            Assert.Equal(LineEvent.LineReady, Feed("status\r"));
            Assert.Equal("status", _editor.GetLine());
            Assert.Equal("status\r\n", Echo());
        }

        [Theory]
        [InlineData("\b")]
        [InlineData("\x7f")]
        public void BackspaceAndDeleteEraseTheLastCharacterOnScreenAndInTheLine(string erase)
        {
            Feed("statx" + erase + "us\r");
            Assert.Equal("status", _editor.GetLine());
            Assert.Equal("statx\b \bus\r\n", Echo());
        }

        [Fact]
        public void BackspaceOnAnEmptyLineDoesNothing()
        {
            Feed("\b\b\x7fok\r");
            Assert.Equal("ok", _editor.GetLine());
            Assert.Equal("ok\r\n", Echo());
        }

        [Fact]
        public void CtrlCCancelsTheLineAndNothingRemains()
        {
            Assert.Equal(LineEvent.Cancelled, Feed("reboot\x03"));
            Assert.Equal(0, _editor.Length);
            Assert.EndsWith("^C\r\n", Echo());
            Assert.Equal(LineEvent.LineReady, Feed("x\r"));
            Assert.Equal("x", _editor.GetLine());
        }

        [Fact]
        public void CtrlUClearsTheLineOnScreen()
        {
            Feed("abc\x15" + "pilot\r");
            Assert.Equal("pilot", _editor.GetLine());
            Assert.Equal("abc\b \b\b \b\b \bpilot\r\n", Echo());
        }

        [Theory]
        [InlineData("\r")]
        [InlineData("\n")]
        [InlineData("\r\n")]
        public void EachLineEndStyleCompletesExactlyOneLine(string lineEnd)
        {
            int lines = 0;
            foreach (char c in "a" + lineEnd + "b" + lineEnd)
            {
                if (_editor.Feed((byte)c) == LineEvent.LineReady)
                {
                    lines++;
                    _editor.Reset();
                }
            }

            Assert.Equal(2, lines);
        }

        [Fact]
        public void CrLfCountsOnceButTwoCarriageReturnsAreTwoLines()
        {
            int ready = 0;
            foreach (char c in "\r\n\r\r")
            {
                if (_editor.Feed((byte)c) == LineEvent.LineReady)
                {
                    ready++;
                }
            }

            Assert.Equal(3, ready);
        }

        [Fact]
        public void TelnetCrNulIsOneLineEnd()
        {
            int ready = 0;
            foreach (byte b in new byte[] { (byte)'a', 0x0D, 0x00, (byte)'b', 0x0D, 0x0A })
            {
                if (_editor.Feed(b) == LineEvent.LineReady)
                {
                    ready++;
                }
            }

            Assert.Equal(2, ready);
        }

        [Fact]
        public void UpArrowRecallsPreviousCommandsNewestFirstAndDownWalksBack()
        {
            _history.Add("status");
            _history.Add("meter");
            Feed("\x1b[A");
            Assert.Equal("meter", _editor.GetLine());
            Feed("\x1b[A");
            Assert.Equal("status", _editor.GetLine());
            Feed("\x1b[B");
            Assert.Equal("meter", _editor.GetLine());
            Feed("\x1b[B");
            Assert.Equal("", _editor.GetLine());
        }

        [Fact]
        public void ApplicationModeArrowRecallsToo()
        {
            _history.Add("temps");
            Feed("\x1bOA");
            Assert.Equal("temps", _editor.GetLine());
        }

        [Fact]
        public void UpArrowReplacesTheTypedTextOnScreen()
        {
            _history.Add("faults");
            Feed("xy\x1b[A");
            Assert.Equal("xy\b \b\b \bfaults", Echo());
        }

        [Fact]
        public void UpArrowPastTheOldestRingsTheBellAndKeepsTheLine()
        {
            _history.Add("only");
            Feed("\x1b[A");
            Echo();
            Feed("\x1b[A");
            Assert.Equal("only", _editor.GetLine());
            Assert.Equal("\a", Echo());
        }

        [Fact]
        public void HistoryIsBoundedAndForgetsTheOldest()
        {
            for (int i = 0; i < 10; i++)
            {
                _history.Add("cmd" + i);
            }

            Assert.Equal(4, _history.Count);
            Assert.Equal("cmd9", _history.Get(0));
            Assert.Equal("cmd6", _history.Get(3));
            Assert.Null(_history.Get(4));
        }

        [Fact]
        public void HistorySkipsEmptyLinesAndImmediateRepeats()
        {
            _history.Add("status");
            _history.Add("status");
            _history.Add("");
            Assert.Equal(1, _history.Count);
        }

        [Fact]
        public void OtherEscapeSequencesAreIgnored()
        {
            Feed("ab\x1b[D\x1b[1;5C\x1b[15~c\r");
            Assert.Equal("abc", _editor.GetLine());
            Assert.True(_editor.IgnoredBytes > 0);
        }

        [Fact]
        public void AStrayEscapeCannotSwallowTheLineEnd()
        {
            Assert.Equal(LineEvent.LineReady, Feed("ab\x1b\r"));
            Assert.Equal("ab", _editor.GetLine());
        }

        [Fact]
        public void AnEndlessEscapeSequenceIsAbandonedAndTypingResumes()
        {
            var sb = new StringBuilder("\x1b[");
            sb.Append('1', 40);
            sb.Append("\x15ok\r");
            Assert.Equal(LineEvent.LineReady, Feed(sb.ToString()));
            Assert.Equal("ok", _editor.GetLine());
        }

        [Fact]
        public void InputPastTheLimitIsRefusedNotBufferedAndTheLineIsDropped()
        {
            Assert.Equal(LineEvent.TooLong, Feed(new string('x', 1000) + "\r"));
            Assert.Equal(0, _editor.Length);
            Assert.Equal(1, _editor.RefusedLines);
            string echo = Echo();
            // 16 characters echoed, one bell, never the other 984.
            Assert.Equal(new string('x', 16) + "\a\r\n", echo);
        }

        [Fact]
        public void BackspacingOutOfTheOverflowKeepsTheLine()
        {
            Feed(new string('a', 16) + "bb\b\b\r");
            Assert.Equal(new string('a', 16), _editor.GetLine());
        }

        [Fact]
        public void MaskedInputIsNeverEchoedButStillEdits()
        {
            _editor.Masked = true;
            Feed("secrex\bt\r");
            Assert.Equal("secret", _editor.GetLine());
            Assert.Equal("\r\n", Echo());
        }

        [Fact]
        public void MaskedInputCannotReachTheHistory()
        {
            _history.Add("status");
            _editor.Masked = true;
            Feed("\x1b[A");
            Assert.Equal(0, _editor.Length);
        }

        [Fact]
        public void ResetZeroesTheBuffer()
        {
            Feed("secret");
            _editor.Reset();
            var copy = new byte[16];
            Assert.Equal(0, _editor.CopyTo(copy));
            Feed("a");
            Assert.Equal("a", _editor.GetLine());
        }

        [Fact]
        public void ControlCodesAndEightBitBytesAreIgnoredAndCounted()
        {
            foreach (byte b in new byte[] { 0x01, 0x02, 0x04, 0x09, 0x80, 0xFF, 0xC3, 0xA9, (byte)'o', (byte)'k', 0x0D })
            {
                _editor.Feed(b);
            }

            Assert.Equal("ok", _editor.GetLine());
            Assert.Equal(8, _editor.IgnoredBytes);
        }
    }
}
