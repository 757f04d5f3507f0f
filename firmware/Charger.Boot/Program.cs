using System.Threading;
using Charger.Hal;
using Charger.Hal.Nano;
using Charger.Ota.Boot;
using Charger.Ota.Slots;

namespace Charger.Boot
{
    /// <summary>
    /// The boot assembly: deployed once with Charger.Hal, Charger.Hal.Nano, Charger.Ota and the
    /// SHA-256 code, it picks slot A or B, checks the bundle there, loads its assemblies with
    /// Assembly.Load and starts the application through <see cref="IFirmwareApplication"/>. The
    /// application (Charger.Device and the libraries it needs) comes only from bundles.
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            ConsoleLog log = new ConsoleLog();
            IRebootController reboot = new NanoRebootController(log);
            SlotManager slots = new SlotManager(new FileSlotBackend(new NanoFileStore(BootSettings.SlotFolder), BootSettings.SlotCapacityBytes));
            if (slots.State.MaxTrialAttempts != BootSettings.TrialAttempts)
            {
                slots.SetMaxTrialAttempts(BootSettings.TrialAttempts);
            }

            log.Write(LogLevel.Info, "boot", "boot assembly " + BootSettings.BootVersion + " on " + BootSettings.Board
                + ", active slot " + SlotManager.SlotName(slots.ActiveSlot) + ", trial " + SlotManager.SlotName(slots.TrialSlot));

            // The signature was checked when the bundle was installed; the boot checks sizes and SHA-256.
            BootSequence boot = new BootSequence(slots, BootSettings.Board, BootSettings.BootVersion, null, log);
            BootOutcome outcome = boot.Boot(new ReflectionApplicationLoader());
            switch (outcome)
            {
                case BootOutcome.Started:
                    reboot.Reboot("the application returned from Start");
                    break;
                case BootOutcome.RolledBackRebootRequired:
                    reboot.Reboot("trial image rolled back: " + boot.FailureReason);
                    break;
                case BootOutcome.ConfirmedImageFailed:
                    Thread.Sleep(BootSettings.RetryDelayMs);
                    reboot.Reboot("confirmed image failed: " + boot.FailureReason);
                    break;
                default:
                    // Nothing to run: stay up so a technician sees why and can deploy an application.
                    while (true)
                    {
                        log.Write(LogLevel.Error, "boot", "no application installed: " + boot.FailureReason);
                        Thread.Sleep(60000);
                    }
            }
        }
    }
}
