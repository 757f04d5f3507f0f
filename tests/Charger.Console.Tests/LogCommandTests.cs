using Charger.Firmware.Console;
using Charger.Hal;

namespace Charger.Console.Tests
{
    /// <summary>Issue 8: log [n] [level] [component] and log follow on the firmware's log ring.</summary>
    public class LogCommandTests
    {
        private readonly ConsoleHarness _h = new ConsoleHarness();

        private void Fill()
        {
            for (int i = 1; i <= 30; i++)
            {
                LogLevel level = i % 10 == 0 ? LogLevel.Error : (i % 5 == 0 ? LogLevel.Warning : LogLevel.Info);
                _h.Log.Write(level, i % 2 == 0 ? "ocpp" : "safety", "line " + i);
                _h.Clock.Advance(1);
            }
        }

        [Fact]
        public void LogWithoutArgumentsShowsTheLastTwentyLinesOldestFirst()
        {
            Fill();
            string text = _h.Command("log");
            string[] lines = text.TrimEnd('\r', '\n').Split("\r\n");
            Assert.Equal(20, lines.Length);
            Assert.EndsWith("safety: line 11", lines[0]);
            Assert.EndsWith("ocpp: line 30", lines[19]);
        }

        [Fact]
        public void LogNShowsNLines()
        {
            Fill();
            string[] lines = _h.Command("log 3").TrimEnd('\r', '\n').Split("\r\n");
            Assert.Equal(new[] { "INFO  ocpp: line 28", "INFO  safety: line 29", "ERROR ocpp: line 30" }, System.Array.ConvertAll(lines, l => l.Substring(l.IndexOf(' ') + 1)));
        }

        [Fact]
        public void LogLevelFiltersThatLevelAndWorse()
        {
            Fill();
            string text = _h.Command("log 50 warn");
            Assert.Contains("WARN  safety: line 5", text);
            Assert.Contains("ERROR ocpp: line 10", text);
            Assert.DoesNotContain("INFO", text);
            Assert.Equal(6, text.TrimEnd('\r', '\n').Split("\r\n").Length);
        }

        [Fact]
        public void LogComponentFiltersByComponentInAnyArgumentOrder()
        {
            Fill();
            string text = _h.Command("log error ocpp 2");
            Assert.Equal(2, text.TrimEnd('\r', '\n').Split("\r\n").Length);
            Assert.Contains("ERROR ocpp: line 20", text);
            Assert.Contains("ERROR ocpp: line 30", text);
        }

        [Fact]
        public void LogWithNothingMatchingSaysSo()
        {
            Fill();
            Assert.Equal("log: no lines match\r\n", _h.Command("log meter"));
        }

        [Theory]
        [InlineData("log 0", "log: n must be one number from 1 to 50; usage: log [n] [level] [component]\r\n")]
        [InlineData("log 51", "log: n must be one number from 1 to 50; usage: log [n] [level] [component]\r\n")]
        [InlineData("log 99999999999", "log: n must be one number from 1 to 50; usage: log [n] [level] [component]\r\n")]
        [InlineData("log 5 6", "log: n must be one number from 1 to 50; usage: log [n] [level] [component]\r\n")]
        [InlineData("log info warn", "log: give one level (error, warn, info or debug); usage: log [n] [level] [component]\r\n")]
        [InlineData("log ocpp safety", "log: unexpected 'safety'; usage: log [n] [level] [component], level is error, warn, info or debug\r\n")]
        [InlineData("log -5", "log: unexpected '-5'; usage: log [n] [level] [component], level is error, warn, info or debug\r\n")]
        [InlineData("log follow now", "usage: log follow (no more arguments; any key stops it)\r\n")]
        public void LogWithBadArgumentsSaysWhatWasExpected(string line, string expected)
        {
            Assert.Equal(expected, _h.Command(line));
        }

        [Fact]
        public void ALargeDumpIsPacedInsteadOfDroppedAndThePromptComesAfterIt()
        {
            var h = new ConsoleHarness(new ConsoleSettings { OutputBufferBytes = 256 });
            for (int i = 0; i < 50; i++)
            {
                h.Log.Write(LogLevel.Info, "meter", "poll " + i + " ok, 230.0 V 16.0 A");
            }

            string text = h.Command("log 50");
            Assert.Equal(0, h.Engine.Output.DroppedBytes);
            Assert.Equal(50, text.TrimEnd('\r', '\n').Split("\r\n").Length);
            Assert.EndsWith("poll 49 ok, 230.0 V 16.0 A\r\n", text);
        }

        [Fact]
        public void CommandsTypedDuringADumpRunAfterItInOrder()
        {
            var h = new ConsoleHarness(new ConsoleSettings { OutputBufferBytes = 256 });
            for (int i = 0; i < 40; i++)
            {
                h.Log.Write(LogLevel.Info, "meter", "poll " + i);
            }

            string text = h.Type("log 40\rversion\r");
            int lastLog = text.IndexOf("meter: poll 39", System.StringComparison.Ordinal);
            int version = text.IndexOf("version: not available", System.StringComparison.Ordinal);
            Assert.True(lastLog > 0 && version > lastLog, text);
        }

        [Fact]
        public void LogFollowShowsNewLinesAsTheyComeAndAnyKeyStopsIt()
        {
            _h.Log.Write(LogLevel.Info, "ocpp", "old line");
            string started = _h.Command("log follow");
            Assert.Contains("[following the log; press any key to stop]", started);
            Assert.DoesNotContain("old line", started);
            Assert.Equal(ConsoleMode.Follow, _h.Engine.Mode);

            _h.Log.Write(LogLevel.Warning, "safety", "RCD trip");
            _h.Settle();
            Assert.Contains("WARN  safety: RCD trip\r\n", _h.Port.TakeText());

            _h.Log.Write(LogLevel.Info, "ocpp", "Heartbeat");
            _h.Settle();
            Assert.Contains("INFO  ocpp: Heartbeat\r\n", _h.Port.TakeText());

            string stopped = _h.Type("q");
            Assert.Equal(ConsoleMode.Command, _h.Engine.Mode);
            Assert.Equal("[log follow stopped]\r\n" + ConsoleEngine.UserPrompt, stopped);

            _h.Log.Write(LogLevel.Info, "ocpp", "after stop");
            _h.Settle();
            Assert.DoesNotContain("after stop", _h.Port.TakeText());
        }

        [Fact]
        public void TheKeyThatStopsFollowIsNotTypedIntoTheNextCommand()
        {
            _h.Command("log follow");
            _h.Type("x");
            Assert.Equal(0, _h.Engine.Editor.Length);
        }

        [Fact]
        public void LogFollowSaysWhenTheRingOverwroteLinesItCouldNotShow()
        {
            var h = new ConsoleHarness(new ConsoleSettings { OutputBufferBytes = 128 }, baudRate: 1200);
            h.Command("log follow");
            h.Settle();
            h.Port.TakeText();
            // 300 lines at once into a 200-line ring, with a slow line draining 1 byte per tick.
            for (int i = 0; i < 300; i++)
            {
                h.Log.Write(LogLevel.Debug, "ocpp", "frame " + i);
            }

            h.Run(60000);
            string text = h.Port.TakeText();
            Assert.Contains("log lines overwritten]", text);
            Assert.Contains("ocpp: frame 299\r\n", text);
            Assert.Equal(0, h.Engine.Output.DroppedBytes);
        }
    }
}
