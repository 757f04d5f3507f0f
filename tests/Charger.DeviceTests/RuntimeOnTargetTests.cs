using System.Collections;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Runtime;
using Charger.Hal;
using Charger.Hal.Sim;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// The deterministic runtime on the nanoFramework CLR itself: the same Tick(nowMs) loop the board
    /// runs, driven by the simulated HAL's virtual clock and watchdog.
    /// </summary>
    /// <remarks>
    /// The real launcher calls each test method statically and runs [Setup] once per class, so the
    /// state lives in static fields and every test rebuilds it first (CreateRuntime).
    /// </remarks>
    [TestClass]
    public class RuntimeOnTargetTests
    {
        private static VirtualClock _clock;
        private static LogRing _log;
        private static SimWatchdog _watchdog;
        private static ChargerRuntime _runtime;

        private static void CreateRuntime()
        {
            _clock = new VirtualClock();
            _log = new LogRing(_clock, 32);
            _watchdog = new SimWatchdog(_clock);
            _runtime = new ChargerRuntime(_log, _watchdog);
        }

        [TestMethod]
        public void TickRunsStagesInTheOrderTheyWereAdded()
        {
            CreateRuntime();
            ArrayList journal = new ArrayList();
            _runtime.AddStage(new RecordingStage("pilot", journal));
            _runtime.AddStage(new RecordingStage("safety", journal));

            _runtime.Tick(10);

            Assert.AreEqual(2, journal.Count);
            Assert.AreEqual("pilot@10", (string)journal[0]);
            Assert.AreEqual("safety@10", (string)journal[1]);
        }

        [TestMethod]
        public void TickingFeedsTheWatchdogAndAStalledLoopLetsItExpire()
        {
            CreateRuntime();
            _watchdog.Start(100);
            for (int i = 0; i < 100; i++)
            {
                _clock.Advance(ChargerRuntime.DefaultTickPeriodMs);
                _runtime.Tick(_clock.NowMs);
            }

            Assert.IsFalse(_watchdog.HasExpired, "fed every 10 ms");
            Assert.AreEqual(100, _watchdog.FeedCount);

            _clock.Advance(150);

            Assert.IsTrue(_watchdog.HasExpired, "no tick for 150 ms with a 100 ms timeout");
        }

        [TestMethod]
        public void AThrowingStageEntersTheSafeStateWithItsReasonAndLaterStagesStillRun()
        {
            CreateRuntime();
            RecordingFailSafe failSafe = new RecordingFailSafe();
            ArrayList journal = new ArrayList();
            _runtime.FailSafe = failSafe;
            _runtime.AddStage(new FailingStage("contactor driver fault"));
            _runtime.AddStage(new RecordingStage("outputs", journal));

            _runtime.Tick(20);

            Assert.AreEqual(1, failSafe.Count);
            Assert.IsTrue(failSafe.LastReason.IndexOf("contactor driver fault") >= 0, failSafe.LastReason);
            Assert.AreEqual(1, _runtime.StageFailureCount);
            Assert.AreEqual(1, journal.Count);
        }

        [TestMethod]
        public void TimeGoingBackIsRefusedAndLoggedAsAnError()
        {
            CreateRuntime();
            _runtime.Tick(100);
            _runtime.Tick(50);

            Assert.AreEqual(1, _runtime.TickCount);
            Assert.AreEqual(100, _runtime.LastTickMs);
            LogEntry[] errors = new LogEntry[4];
            int found = _log.CopyNewest(errors, LogLevel.Error, "runtime");
            Assert.AreEqual(1, found);
            Assert.IsTrue(errors[0].Message.IndexOf("time went back") >= 0, errors[0].Message);
        }

        [TestMethod]
        public void ATickMoreThanTwoAndAHalfPeriodsLateCountsAsAnOverrun()
        {
            CreateRuntime();
            _runtime.Tick(0);
            _runtime.Tick(10);
            _runtime.Tick(35);

            Assert.AreEqual(0, _runtime.OverrunCount, "exactly 2.5 periods is still on time");

            _runtime.Tick(61);

            Assert.AreEqual(1, _runtime.OverrunCount);
        }

        [TestMethod]
        public void APeriodicDutyRunsOncePerPeriodAndAfterAStallOnlyOnce()
        {
            CreateRuntime();
            CountingDuty meterPoll = new CountingDuty();
            int index = _runtime.Scheduler.Register("meter", meterPoll, 100, 0);
            for (long t = 0; t <= 1000; t += 10)
            {
                _runtime.Tick(t);
            }

            Assert.AreEqual(11, meterPoll.Runs);

            _runtime.Tick(1500);

            Assert.AreEqual(12, meterPoll.Runs);
            Assert.AreEqual(1500, meterPoll.LastRunMs);
            Assert.AreEqual(12, _runtime.Scheduler.GetRunCount(index));
        }
    }
}
