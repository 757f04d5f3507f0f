using Charger.Firmware.Diagnostics;
using Charger.Hal;
using Charger.Hal.Sim;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>The bounded log ring as the console and OCPP log upload read it, on the board's CLR.</summary>
    [TestClass]
    public class LogRingOnTargetTests
    {
        [TestMethod]
        public void TheOldestLinesAreOverwrittenCountedAndTheNewestReadOldestFirst()
        {
            VirtualClock clock = new VirtualClock();
            LogRing ring = new LogRing(clock, 4);
            for (int i = 1; i <= 6; i++)
            {
                clock.Advance(1000);
                ring.Write(LogLevel.Info, "test", "line " + i);
            }

            LogEntry[] newest = new LogEntry[4];
            int copied = ring.CopyNewest(newest, LogLevel.Debug, null);

            Assert.AreEqual(4, ring.Count);
            Assert.AreEqual(2, ring.Overwritten);
            Assert.AreEqual(4, copied);
            Assert.AreEqual("line 3", newest[0].Message);
            Assert.AreEqual("line 6", newest[3].Message);
            Assert.AreEqual(6000, newest[3].TimestampMs);
        }

        [TestMethod]
        public void ReadSinceResumesAfterTheLastSequenceSeen()
        {
            LogRing ring = new LogRing(new VirtualClock(), 8);
            ring.Write(LogLevel.Info, "a", "one");
            ring.Write(LogLevel.Info, "a", "two");
            long seen = ring.LastSequence;
            ring.Write(LogLevel.Warning, "a", "three");

            LogEntry[] fresh = new LogEntry[8];
            int n = ring.ReadSince(seen, fresh);

            Assert.AreEqual(1, n);
            Assert.AreEqual("three", fresh[0].Message);
            Assert.AreEqual(seen + 1, fresh[0].Sequence);
        }

        [TestMethod]
        public void LinesLessSevereThanTheMinimumLevelAreNotKept()
        {
            LogRing ring = new LogRing(new VirtualClock(), 8);
            ring.MinimumLevel = LogLevel.Warning;

            ring.Write(LogLevel.Debug, "a", "noise");
            ring.Write(LogLevel.Error, "a", "fault");

            Assert.AreEqual(1, ring.Count);
        }

        [TestMethod]
        public void TimestampsAreFormattedWithExplicitDigits()
        {
            // 1 h 2 min 3.004 s: the board's float formatting is never involved.
            Assert.AreEqual("1:02:03.004", LogFormat.FormatTimestamp(3723004));
        }
    }
}
