using Charger.Firmware.Control;
using Charger.Firmware.Runtime;
using Charger.Hal;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// Service stops, kept apart from safety trips (issue 12 item 2). A safety trip opens the
    /// contactor in the tick that sees the cause; a service stop (meter loss, OCPP Reset, console
    /// reboot, firmware install, ChangeAvailability, remote stop) only withdraws the PWM offer. The
    /// charging state machine then opens the contactor once the EV leaves C, or its current falls
    /// below 1 A, or after at most 3 s (ChargingSettings.StopGraceMs), so no load is broken.
    /// A reboot asked through this class (it is the <see cref="IRebootController"/> the console and
    /// OCPP use) waits for that, then for the OCPP answer and Ended event to leave (or be safely
    /// queued, see <see cref="IRebootReadiness"/>), then for <see cref="RebootLingerMs"/> so the
    /// transport has sent the last frame, and only then restarts the board.
    /// </summary>
    public sealed class ServiceStop : ITickStage, IRebootController
    {
        /// <summary>After the drain, the transport gets this long to put the last frames on the wire.</summary>
        public const int DefaultRebootLingerMs = 1000;

        /// <summary>A CSMS that never answers cannot hold the reboot longer than this; queued events are on flash.</summary>
        public const int DefaultRebootDrainMaxMs = 10000;

        /// <summary>Margin over the stop grace before a contactor that still reads closed stops delaying the reboot (weld).</summary>
        private const int FeedbackMarginMs = 1000;

        private readonly ChargeController _controller;
        private readonly IRebootController _reboot;
        private readonly ILog _log;
        private IRebootReadiness _readiness;
        private int _holding;
        private long _stopStartedMs = -1;
        private long _nowMs;
        private string _rebootReason;
        private long _rebootRequestedMs;
        private long _drainedAtMs = -1;
        private int _reboots;

        public ServiceStop(ChargeController controller, IRebootController reboot, ILog log)
        {
            if (controller == null)
            {
                throw new System.ArgumentNullException("controller", "a service stop needs the charge controller");
            }

            _controller = controller;
            _reboot = reboot;
            _log = log;
            RebootLingerMs = DefaultRebootLingerMs;
            RebootDrainMaxMs = DefaultRebootDrainMaxMs;
        }

        public string Name
        {
            get { return "service-stop"; }
        }

        public int RebootLingerMs { get; set; }

        public int RebootDrainMaxMs { get; set; }

        /// <summary>The OCPP side (null without OCPP): what must leave before a reboot.</summary>
        public IRebootReadiness Readiness
        {
            get { return _readiness; }
            set { _readiness = value; }
        }

        /// <summary>True while any reason holds the charge back.</summary>
        public bool Active
        {
            get { return _holding != 0; }
        }

        public bool IsHolding(ServiceStopReason reason)
        {
            return (_holding & (int)reason) != 0;
        }

        /// <summary>A reboot is waiting for the stop and the drain.</summary>
        public bool RebootPending
        {
            get { return _rebootReason != null; }
        }

        /// <summary>Reboots this instance handed to the board (0 or 1 on a board, where it does not return).</summary>
        public int RebootsPerformed
        {
            get { return _reboots; }
        }

        /// <summary>
        /// True once the power path is open after a service stop: the contactor is commanded open and
        /// its feedback reads open (or the feedback has had the grace time and a margin, so a welded
        /// contactor, which the safety supervisor reports, cannot hold a reboot forever).
        /// </summary>
        public bool IsServiceStopComplete
        {
            get
            {
                if (_controller.ContactorCommandedClosed)
                {
                    return false;
                }

                if (!_controller.ContactorFeedbackClosed)
                {
                    return true;
                }

                long limitMs = _controller.Config.Charging.StopGraceMs + FeedbackMarginMs;
                return _stopStartedMs >= 0 && _nowMs - _stopStartedMs >= limitMs;
            }
        }

        /// <summary>Withdraws the PWM offer for <paramref name="reason"/>; the contactor opens without load.</summary>
        public void RequestServiceStop(ServiceStopReason reason, long nowMs)
        {
            if (IsHolding(reason))
            {
                return;
            }

            if (_holding == 0)
            {
                _stopStartedMs = nowMs;
            }

            _holding |= (int)reason;
            _controller.StateMachine.SetServiceHold(true);
            Write(LogLevel.Info, "service stop (" + ReasonText(reason) + "): offer withdrawn, contactor opens once the EV lets go");
        }

        /// <summary>Ends the hold of <paramref name="reason"/>; charging may resume once no reason holds.</summary>
        public void Release(ServiceStopReason reason)
        {
            if (!IsHolding(reason))
            {
                return;
            }

            _holding &= ~(int)reason;
            if (_holding == 0 && _rebootReason == null)
            {
                _stopStartedMs = -1;
                _controller.StateMachine.SetServiceHold(false);
                Write(LogLevel.Info, "service stop (" + ReasonText(reason) + ") released");
            }
        }

        /// <summary>
        /// <see cref="IRebootController"/>: a reboot that never breaks load. Returns at once; the
        /// reboot happens in a later tick (see the class summary).
        /// </summary>
        public void Reboot(string reason)
        {
            RequestReboot(ServiceStopReason.Reboot, reason, _nowMs);
        }

        public void RequestReboot(ServiceStopReason why, string reason, long nowMs)
        {
            if (_rebootReason != null)
            {
                return;
            }

            RequestServiceStop(why, nowMs);
            _rebootReason = reason == null ? "reboot" : reason;
            _rebootRequestedMs = nowMs;
            _drainedAtMs = -1;
            Write(LogLevel.Warning, "reboot requested (" + _rebootReason + "): after the service stop and the OCPP drain");
        }

        public void Tick(long nowMs)
        {
            _nowMs = nowMs;
            if (_rebootReason == null)
            {
                return;
            }

            // The hold keeps the offer withdrawn, so a card or a remote start cannot restart charging.
            if (!IsServiceStopComplete)
            {
                return;
            }

            if (_drainedAtMs < 0)
            {
                bool ready = _readiness == null || _readiness.ReadyToReboot(nowMs);
                if (!ready && nowMs - _rebootRequestedMs < RebootDrainMaxMs)
                {
                    return;
                }

                _drainedAtMs = nowMs;
            }

            if (nowMs - _drainedAtMs < RebootLingerMs)
            {
                return;
            }

            string reason = _rebootReason;
            _rebootReason = null;
            _reboots++;
            Write(LogLevel.Warning, "rebooting now (" + reason + "): contactor open, OCPP drained");
            if (_reboot != null)
            {
                _reboot.Reboot(reason);
            }
        }

        public static string ReasonText(ServiceStopReason reason)
        {
            switch (reason)
            {
                case ServiceStopReason.MeterLoss:
                    return "meter loss";
                case ServiceStopReason.Reset:
                    return "OCPP Reset";
                case ServiceStopReason.Reboot:
                    return "reboot";
                case ServiceStopReason.FirmwareInstall:
                    return "firmware install";
                case ServiceStopReason.Availability:
                    return "availability change";
                case ServiceStopReason.RemoteStop:
                    return "remote stop";
                default:
                    return "none";
            }
        }

        private void Write(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, "service", message);
            }
        }
    }
}
