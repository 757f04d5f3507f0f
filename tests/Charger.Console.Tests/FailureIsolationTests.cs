using System;
using Charger.Firmware.Console;
using Charger.Firmware.Runtime;
using Charger.Hal;

namespace Charger.Console.Tests
{
    /// <summary>
    /// A failing component behind the console is reported to the technician and logged; nothing
    /// escapes Tick, where the runtime would count a stage failure and enter the fail-safe.
    /// </summary>
    public class FailureIsolationTests
    {
        private sealed class ThrowingVerifier : IMaintenancePasswordVerifier
        {
            public bool IsConfigured
            {
                get { return true; }
            }

            public bool Verify(byte[] password, int length)
            {
                throw new InvalidOperationException("device model not loaded");
            }
        }

        private sealed class ThrowingFactoryReset : IFactoryReset
        {
            public ConsoleResult Erase()
            {
                throw new System.IO.IOException("flash busy");
            }
        }

        private sealed class ThrowingReboot : IRebootController
        {
            public void Reboot(string reason)
            {
                throw new InvalidOperationException("watchdog reset not wired");
            }
        }

        private sealed class BrokenContactorTest : IContactorTest
        {
            private bool _started;

            public bool Broken { get; set; }

            public ConsoleResult Start(long nowMs)
            {
                _started = true;
                return ConsoleResult.Done("");
            }

            public bool IsRunning
            {
                get
                {
                    if (Broken)
                    {
                        throw new InvalidOperationException("contactor supervisor gone");
                    }

                    return _started;
                }
            }

            public ConsoleResult LastResult
            {
                get { return null; }
            }
        }

        private static void TickThroughRuntime(ConsoleHarness h, ChargerRuntime runtime, int ticks)
        {
            for (int i = 0; i < ticks; i++)
            {
                runtime.Tick(h.Clock.NowMs);
                h.Clock.Advance(10);
            }
        }

        [Fact]
        public void AVerifierThatThrowsIsReportedAndTheLoopCarriesOn()
        {
            var h = new ConsoleHarness();
            h.Services.Password = new ThrowingVerifier();
            var runtime = new ChargerRuntime(h.Log, null);
            runtime.AddStage(h.Engine);
            h.Port.Inject("login\rpw\r");
            TickThroughRuntime(h, runtime, 50);
            string text = h.Port.TakeText();
            Assert.Contains("error: 'login' failed: device model not loaded", text);
            Assert.False(h.Engine.IsLoggedIn);
            Assert.Equal(ConsoleMode.Command, h.Engine.Mode);
            Assert.Equal(0, runtime.StageFailureCount);
        }

        [Fact]
        public void AConfirmedActionThatThrowsIsReportedAndTheLoopCarriesOn()
        {
            var h = new ConsoleHarness();
            h.Login();
            h.Services.FactoryReset = new ThrowingFactoryReset();
            var runtime = new ChargerRuntime(h.Log, null);
            runtime.AddStage(h.Engine);
            h.Port.Inject("factory-reset\ryes\r");
            TickThroughRuntime(h, runtime, 50);
            Assert.Contains("error: 'factory-reset' failed: flash busy", h.Port.TakeText());
            Assert.Equal(0, h.Reboot.Count);
            Assert.Equal(0, runtime.StageFailureCount);
        }

        [Fact]
        public void ARebootThatThrowsIsReported()
        {
            var h = new ConsoleHarness();
            h.Login();
            h.Services.Reboot = new ThrowingReboot();
            var runtime = new ChargerRuntime(h.Log, null);
            runtime.AddStage(h.Engine);
            h.Port.Inject("reboot\r");
            TickThroughRuntime(h, runtime, 100);
            Assert.Contains("reboot failed: watchdog reset not wired", h.Port.TakeText());
            Assert.False(h.Engine.RebootPending);
            Assert.Equal(0, runtime.StageFailureCount);
        }

        [Fact]
        public void AContactorTestWhoseStatusThrowsIsReported()
        {
            var h = new ConsoleHarness();
            var test = new BrokenContactorTest();
            h.Services.ContactorTest = test;
            h.Login();
            h.Command("contactor test");
            test.Broken = true;
            var runtime = new ChargerRuntime(h.Log, null);
            runtime.AddStage(h.Engine);
            TickThroughRuntime(h, runtime, 20);
            Assert.Contains("contactor test: cannot read the result: contactor supervisor gone", h.Port.TakeText());
            Assert.Equal(0, runtime.StageFailureCount);
        }
    }
}
