using System;
using Charger.Console.Tests.Fakes;
using Charger.Firmware.Console;
using Charger.Firmware.Runtime;
using Charger.Hal;
using Charger.Hal.Sim;

namespace Charger.Console.Tests
{
    /// <summary>Issue 8: the engine never blocks the loop, survives noise and bounds everything it buffers.</summary>
    public class ConsoleEngineTests
    {
        [Fact]
        public void EveryReadIsNonBlocking()
        {
            var h = new ConsoleHarness();
            h.Type("status\r");
            h.Run(500);
            Assert.True(h.Port.ReadCalls >= 50);
            Assert.Equal(0, h.Port.MaxReadTimeoutMs);
        }

        [Fact]
        public void OutputPerTickFollowsTheBaudRate()
        {
            // 115200 baud, 10 bits a byte, 10 ms tick: 115.2 bytes a tick once the idle credit is spent.
            var h = new ConsoleHarness(baudRate: 115200);
            h.Port.Inject("help\r");
            h.Tick();
            for (int i = 0; i < 10; i++)
            {
                int start = h.Port.SentCount;
                h.Tick();
                int written = h.Port.SentCount - start;
                Assert.InRange(written, 115, 116);
            }
        }

        [Fact]
        public void AfterIdleAtMostOneTicksCapIsSentAtOnce()
        {
            var h = new ConsoleHarness(baudRate: 115200);
            h.Run(5000);
            h.Port.Inject("help\r");
            int start = h.Port.SentCount;
            h.Tick();
            Assert.Equal(256, h.Port.SentCount - start);
        }

        [Fact]
        public void OutputPerTickNeverExceedsTheConfiguredCap()
        {
            var h = new ConsoleHarness(new ConsoleSettings { MaxOutputBytesPerTick = 40 }, baudRate: 921600);
            h.Port.Inject("help\r");
            int maxPerTick = 0;
            for (int i = 0; i < 50; i++)
            {
                int start = h.Port.SentCount;
                h.Tick();
                maxPerTick = Math.Max(maxPerTick, h.Port.SentCount - start);
            }

            Assert.Equal(40, maxPerTick);
        }

        [Fact]
        public void AFloodOfOutputIsDroppedCountedAndReportedOnceDrained()
        {
            var h = new ConsoleHarness(new ConsoleSettings { OutputBufferBytes = 512 });
            h.Status.Set(ConsoleTopic.Version, new string('v', 200));
            // 20 commands in one burst: far more answer than 512 bytes can hold.
            var burst = new System.Text.StringBuilder();
            for (int i = 0; i < 20; i++)
            {
                burst.Append("version\r");
            }

            h.Port.Inject(burst.ToString());
            h.Tick();
            Assert.True(h.Engine.Output.Count <= 512);
            Assert.True(h.Engine.Output.DroppedBytes > 0);
            h.Settle();
            string text = h.Port.TakeText();
            Assert.Contains("[... " + h.Engine.Output.DroppedBytes + " bytes dropped]\r\n", text);
            // The console still answers normally afterwards.
            Assert.Contains(new string('v', 200), h.Type("version\r"));
        }

        [Fact]
        public void TheTickNeverWaitsForASlowTerminal()
        {
            // 300 baud: 3 bytes per 10 ms tick. After the first tick spends the idle credit, no
            // tick hands the port more than the line carried since the previous one.
            var h = new ConsoleHarness(new ConsoleSettings { OutputBufferBytes = 256 }, baudRate: 300);
            h.Port.Inject("help\r");
            h.Tick();
            for (int i = 0; i < 100; i++)
            {
                int start = h.Port.SentCount;
                h.Tick();
                Assert.True(h.Port.SentCount - start <= 3, "tick " + i + " wrote " + (h.Port.SentCount - start));
            }

            Assert.True(h.Engine.Output.DroppedBytes > 0);
        }

        [Fact]
        public void AnOverlongLineIsRefusedWithAMessageAndNothingRuns()
        {
            var h = new ConsoleHarness();
            string text = h.Type("reboot" + new string(' ', 200) + "x\r");
            Assert.Contains("error: line longer than 120 characters; ignored, nothing was run\r\n", text);
            h.Login();
            h.Type("reboot" + new string(' ', 200) + "\r");
            h.Run(1000);
            Assert.Equal(0, h.Reboot.Count);
        }

        [Fact]
        public void AHugePasteIsNeverBuffered()
        {
            var h = new ConsoleHarness();
            h.Port.Inject(new string('A', 100000));
            h.Run(10000);
            Assert.True(h.Engine.Editor.Length <= 120);
            Assert.True(h.Engine.Output.Count <= h.Engine.Output.Capacity);
            string text = h.Type("\r");
            Assert.Contains("error: line longer than 120 characters", text);
            Assert.Contains("pilot: not available", h.Command("pilot"));
        }

        [Fact]
        public void BinaryNoiseDoesNotCrashAndTheConsoleAnswersAfterwards()
        {
            var random = new SeededRandom(8);
            for (int round = 0; round < 20; round++)
            {
                var h = new ConsoleHarness();
                h.Log.Write(LogLevel.Info, "ocpp", "something");
                var noise = new byte[4096];
                random.NextBytes(noise);
                h.Port.Inject(noise);
                h.Run(3000);
                // Whatever state the noise left (follow, a prompt), Ctrl-C Ctrl-C and a fresh line get back to a command.
                h.Type("\x03\x03\x15");
                h.Run(31000);
                h.Port.TakeText();
                Assert.Contains("= 300", h.Command("config get OCPPCommCtrlr.HeartbeatInterval"));
                Assert.True(h.Engine.Editor.IgnoredBytes > 0);
                Assert.Equal(0, h.Engine.PortErrors);
            }
        }

        [Fact]
        public void NoiseCannotLogInOrRunPrivilegedCommands()
        {
            var random = new SeededRandom(81);
            var h = new ConsoleHarness();
            for (int round = 0; round < 10; round++)
            {
                var noise = new byte[2048];
                random.NextBytes(noise);
                h.Port.Inject(noise);
                h.Run(2000);
            }

            Assert.False(h.Engine.IsLoggedIn);
            Assert.Equal(0, h.Reboot.Count);
            Assert.Equal(0, h.FactoryReset.Erases);
        }

        [Fact]
        public void CtrlCAtThePromptGivesAFreshPrompt()
        {
            var h = new ConsoleHarness();
            Assert.Equal("sta^C\r\n" + ConsoleEngine.UserPrompt, h.Type("sta\x03"));
        }

        [Fact]
        public void UpArrowRecallsTheLastCommandAndEnterRunsIt()
        {
            var h = new ConsoleHarness();
            h.Status.Set(ConsoleTopic.Temps, "temps: relay 41 C");
            h.Command("temps");
            h.Command("faults");
            string text = h.Type("\x1b[A\x1b[A\r");
            Assert.Contains("temps: relay 41 C", text);
            Assert.DoesNotContain("faults: none", text);
        }

        [Fact]
        public void CrLfFromATerminalRunsTheCommandOnce()
        {
            var h = new ConsoleHarness();
            string text = h.Type("faults\r\n");
            Assert.Equal(1, CountOf(text, "faults: none active"));
            Assert.Equal(1, CountOf(text, ConsoleEngine.UserPrompt));
        }

        [Fact]
        public void LfOnlyLineEndsWork()
        {
            var h = new ConsoleHarness();
            string text = h.Type("faults\nfaults\n");
            Assert.Equal(2, CountOf(text, "faults: none active"));
        }

        [Fact]
        public void ThePromptShowsTheLoginState()
        {
            var h = new ConsoleHarness();
            Assert.EndsWith(ConsoleEngine.UserPrompt, h.Type("\r"));
            h.Login();
            Assert.EndsWith(ConsoleEngine.PrivilegedPrompt, h.Type("\r"));
        }

        [Fact]
        public void APortThatFailsIsLoggedOnceAndNeverThrowsIntoTheLoop()
        {
            var h = new ConsoleHarness();
            h.Port.FailWith = new System.IO.IOException("device not configured");
            h.Run(1000);
            Assert.Equal(1, CountOf(h.LogText(), "serial port read failed: device not configured"));
            Assert.True(h.Engine.PortErrors >= 100);
            h.Port.FailWith = null;
            h.Run(20);
            Assert.Contains("serial port works again", h.LogText());
            Assert.Contains("faults:", h.Command("faults"));
        }

        [Fact]
        public void TheConsoleRunsAsATickStageWithoutEverTrippingTheFailSafe()
        {
            var clock = new VirtualClock();
            var log = new Charger.Firmware.Diagnostics.LogRing(clock, 100);
            var port = new FakeSerialPort(115200);
            var runtime = new ChargerRuntime(log, new SimWatchdog(clock));
            var engine = new ConsoleEngine(port, log, log, new ConsoleServices());
            runtime.AddStage(engine);
            port.Inject("status\r");
            for (int i = 0; i < 50; i++)
            {
                runtime.Tick(clock.NowMs);
                clock.Advance(10);
            }

            port.FailWith = new System.IO.IOException("gone");
            for (int i = 0; i < 50; i++)
            {
                runtime.Tick(clock.NowMs);
                clock.Advance(10);
            }

            Assert.Equal("console", engine.Name);
            Assert.Equal(0, runtime.StageFailureCount);
            Assert.Contains("status at", port.TakeText());
        }

        [Fact]
        public void AnIdleTickAllocatesNothing()
        {
            var h = new ConsoleHarness();
            h.Command("status");
            h.Run(1000);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                h.Engine.Tick(h.Clock.NowMs);
                h.Clock.Advance(10);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
        }

        [Fact]
        public void FollowingAQuietLogAllocatesNothingPerTick()
        {
            var h = new ConsoleHarness();
            h.Command("log follow");
            h.Run(1000);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                h.Engine.Tick(h.Clock.NowMs);
                h.Clock.Advance(10);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void SecurityEventTechInfoIsCutToTheOcppLimit()
        {
            var h = new ConsoleHarness(new ConsoleSettings { MaxLineChars = 400 });
            h.Login();
            string variable = new string('V', 300);
            h.Command("config set OCPPCommCtrlr." + variable + " 1");
            var e = h.Events.Events.FindLast(x => x.Type == ConsoleSecurityEventTypes.MaintenanceCommand);
            Assert.Equal(255, e.TechInfo.Length);
        }

        [Fact]
        public void SettingsThatCannotWorkAreRefusedAtConstruction()
        {
            var port = new FakeSerialPort(115200);
            var log = new Charger.Firmware.Diagnostics.LogRing(new VirtualClock(), 10);
            Assert.Throws<ArgumentOutOfRangeException>(() => new ConsoleEngine(port, log, log, null, new ConsoleSettings { MaxOutputBytesPerTick = 0 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ConsoleEngine(port, log, log, null, new ConsoleSettings { OutputBufferBytes = 10 }));
            Assert.Throws<ArgumentNullException>(() => new ConsoleEngine(null, log, log, null, null));
        }

        private static int CountOf(string text, string part)
        {
            int count = 0;
            int at = 0;
            while ((at = text.IndexOf(part, at, StringComparison.Ordinal)) >= 0)
            {
                count++;
                at += part.Length;
            }

            return count;
        }
    }
}
