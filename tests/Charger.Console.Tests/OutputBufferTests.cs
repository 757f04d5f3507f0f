using Charger.Console.Tests.Fakes;
using Charger.Firmware.Console;
using Charger.Firmware.Diagnostics;
using Charger.Hal;

namespace Charger.Console.Tests
{
    public class OutputBufferTests
    {
        [Fact]
        public void AWriteThatDoesNotFitIsDroppedWholeAndCounted()
        {
            var buffer = new OutputBuffer(64);
            Assert.True(buffer.WriteLine(new string('a', 40)));
            Assert.False(buffer.WriteLine(new string('b', 40)));
            Assert.Equal(42, buffer.Count);
            Assert.Equal(42, buffer.DroppedBytes);
        }

        [Fact]
        public void OnceDrainedTheDropIsReportedOnOneLine()
        {
            var buffer = new OutputBuffer(64);
            var port = new FakeSerialPort(0);
            buffer.WriteLine(new string('a', 40));
            buffer.WriteLine(new string('b', 40));
            buffer.Write("cc");
            buffer.Drain(port, 1000);
            buffer.Drain(port, 1000);
            Assert.Equal(new string('a', 40) + "\r\ncc[... 42 bytes dropped]\r\n", port.TakeText());
            // Reported once only.
            buffer.Drain(port, 1000);
            Assert.Equal("", port.TakeText());
        }

        [Fact]
        public void DrainNeverWritesMoreThanTheBudgetAndWrapsAroundTheRing()
        {
            var buffer = new OutputBuffer(64);
            var port = new FakeSerialPort(0);
            buffer.Write(new string('x', 50));
            Assert.Equal(30, buffer.Drain(port, 30));
            buffer.Write(new string('y', 40));
            Assert.Equal(30, buffer.Drain(port, 30));
            Assert.Equal(30, buffer.Drain(port, 30));
            Assert.Equal(0, buffer.Count);
            Assert.Equal(new string('x', 50) + new string('y', 40), port.TakeText());
            Assert.True(port.LargestWrite <= 30);
        }

        [Fact]
        public void NonAsciiCharactersBecomeQuestionMarks()
        {
            var buffer = new OutputBuffer(64);
            var port = new FakeSerialPort(0);
            buffer.Write("23.5 \u00b0C \u2192 ok");
            buffer.Drain(port, 100);
            Assert.Equal("23.5 ?C ? ok", port.TakeText());
        }

        [Fact]
        public void LogEntriesAreFormattedLikeLogEntryToString()
        {
            var buffer = new OutputBuffer(256);
            var port = new FakeSerialPort(0);
            var entry = new LogEntry { Sequence = 1, TimestampMs = 3723004, Level = LogLevel.Warning, Component = "safety", Message = "over-current 34 A" };
            Assert.True(buffer.TryWriteLogEntry(entry));
            buffer.Drain(port, 1000);
            Assert.Equal(entry.ToString() + "\r\n", port.TakeText());
            Assert.Equal("1:02:03.004 WARN  safety: over-current 34 A", entry.ToString());
        }

        [Fact]
        public void ALogEntryThatDoesNotFitNowIsRefusedWithoutCountingADrop()
        {
            var buffer = new OutputBuffer(64);
            buffer.Write(new string('z', 40));
            var entry = new LogEntry { TimestampMs = 0, Level = LogLevel.Info, Component = "c", Message = "a message of some length" };
            Assert.False(buffer.TryWriteLogEntry(entry));
            Assert.Equal(0, buffer.DroppedBytes);
        }

        [Fact]
        public void ALogEntryLongerThanTheWholeBufferIsShortenedSoItCanNeverStall()
        {
            var buffer = new OutputBuffer(64);
            var port = new FakeSerialPort(0);
            var entry = new LogEntry { TimestampMs = 0, Level = LogLevel.Info, Component = "ocpp", Message = new string('m', 500) };
            Assert.True(buffer.TryWriteLogEntry(entry));
            Assert.Equal(64, buffer.Count);
            buffer.Drain(port, 1000);
            Assert.EndsWith("m...\r\n", port.TakeText());
        }

        [Fact]
        public void BufferSmallerThanTheDropNoticeIsRefused()
        {
            Assert.Throws<System.ArgumentOutOfRangeException>(() => new OutputBuffer(16));
        }
    }
}
