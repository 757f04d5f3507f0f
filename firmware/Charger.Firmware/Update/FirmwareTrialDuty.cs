using Charger.Firmware.Control;
using Charger.Firmware.Runtime;
using Charger.Firmware.Safety;
using Charger.Firmware.Station;
using Charger.Hal;
using Charger.Ocpp;
using Charger.Ocpp.Rpc;
using Charger.Ota;
using Charger.Ota.Boot;
using Charger.Ota.Slots;

namespace Charger.Firmware.Update
{
    /// <summary>
    /// The self-test of an image on trial (issue 14): charge control healthy (no InternalFailure
    /// latched) and the OCPP registration Accepted, or the station offline for the policy's time,
    /// confirms the image; no pass by the deadline rolls it back and reboots into the confirmed
    /// image through the service stop. Also reports a rollback found at boot in the log.
    /// </summary>
    public sealed class FirmwareTrialDuty : IPeriodicDuty
    {
        public const int PeriodMs = 1000;

        private readonly TrialConfirmation _trial;
        private readonly ChargeController _controller;
        private readonly OcppStation _ocpp;
        private readonly ServiceStop _serviceStop;
        private readonly ILog _log;
        private bool _rebootAsked;

        public FirmwareTrialDuty(IBootContext boot, SelfTestPolicy policy, ChargeController controller, OcppStation ocpp,
            ServiceStop serviceStop, ILog log)
        {
            _trial = new TrialConfirmation(boot, policy);
            _controller = controller;
            _ocpp = ocpp;
            _serviceStop = serviceStop;
            _log = log;
            if (boot.IsTrial)
            {
                log.Write(LogLevel.Warning, "ota", "firmware " + boot.FirmwareVersion + " runs on trial in slot " + boot.SlotName
                    + " until its self-test passes");
            }

            if (boot.UnreportedRollback != RollbackReason.None)
            {
                log.Write(LogLevel.Error, "ota", "firmware " + boot.RolledBackVersion + " was rolled back ("
                    + RollbackReasonText.Of(boot.UnreportedRollback) + "); running " + boot.FirmwareVersion);
            }
        }

        public SelfTestVerdict Verdict { get; private set; }

        public void Run(long nowMs)
        {
            bool healthy = !_controller.Safety.IsLatched(FaultCode.InternalFailure);
            bool accepted = _ocpp != null && _ocpp.Rpc.Registration == RegistrationState.Accepted;
            bool online = _ocpp != null && _ocpp.Connection.IsConnected;
            SelfTestVerdict verdict = _trial.Tick(nowMs, healthy, accepted, online);
            if (verdict != Verdict)
            {
                Verdict = verdict;
                _log.Write(verdict == SelfTestVerdict.Failed ? LogLevel.Error : LogLevel.Info, "ota", "self-test " + SelfTestVerdictText.Of(verdict));
            }

            if (_trial.RebootRequested && !_rebootAsked)
            {
                _rebootAsked = true;
                _serviceStop.RequestReboot(ServiceStopReason.FirmwareInstall, "trial image failed its self-test, rolled back", nowMs);
            }
        }
    }
}
