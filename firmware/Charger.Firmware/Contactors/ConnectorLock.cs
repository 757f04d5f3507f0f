using Charger.Hal;

namespace Charger.Firmware.Contactors
{
    /// <summary>
    /// The socket outlet's connector lock (issue 12 item 10): an actuator with a feedback contact.
    /// The output stage locks before it closes the contactor and closes only once the feedback
    /// confirms; the lock is held while the contactor is commanded closed, its contact still reads
    /// closed, or it is welded, and released only with the contactor open and verified. A lock whose
    /// feedback does not follow within <see cref="ConfirmMs"/>, or that opens while held, is a fault.
    /// </summary>
    public sealed class ConnectorLock
    {
        /// <summary>Lock actuators (motor or solenoid) move in 100..600 ms; 1 s leaves margin.</summary>
        public const int DefaultConfirmMs = 1000;

        private readonly IDigitalOutput _actuator;
        private readonly IDigitalInput _feedback;
        private readonly bool _lockedWhenHigh;
        private readonly int _confirmMs;
        private bool _commandedLocked;
        private long _commandedAtMs;
        private bool _confirmed;
        private bool _failure;
        private string _failureReason = "";

        public ConnectorLock(IDigitalOutput actuator, IDigitalInput feedback, bool feedbackLockedWhenHigh, int confirmMs)
        {
            if (actuator == null || feedback == null)
            {
                throw new System.ArgumentNullException("actuator", "a connector lock needs its actuator and its feedback contact");
            }

            _actuator = actuator;
            _feedback = feedback;
            _lockedWhenHigh = feedbackLockedWhenHigh;
            _confirmMs = confirmMs;
            // Power-up: released.
            _actuator.Write(false);
        }

        public bool CommandedLocked
        {
            get { return _commandedLocked; }
        }

        public bool FeedbackLocked
        {
            get { return _feedback.Read() == _lockedWhenHigh; }
        }

        /// <summary>Commanded locked and the feedback has confirmed it since.</summary>
        public bool Confirmed
        {
            get { return _confirmed; }
        }

        /// <summary>The feedback did not follow the command in time, or the lock opened while held.</summary>
        public bool FailureDetected
        {
            get { return _failure; }
        }

        public string FailureReason
        {
            get { return _failureReason; }
        }

        public int ConfirmMs
        {
            get { return _confirmMs; }
        }

        public void Command(bool locked, long nowMs)
        {
            if (locked == _commandedLocked)
            {
                return;
            }

            _commandedLocked = locked;
            _commandedAtMs = nowMs;
            _confirmed = false;
            _actuator.Write(locked);
        }

        /// <summary>Compares the feedback with the command; called by the safety supervisor every tick.</summary>
        public void Evaluate(long nowMs)
        {
            bool feedbackLocked = FeedbackLocked;
            if (_commandedLocked)
            {
                if (feedbackLocked)
                {
                    _confirmed = true;
                    _failure = false;
                }
                else if (_confirmed)
                {
                    _confirmed = false;
                    _failure = true;
                    _failureReason = "connector lock opened while held";
                }
                else if (nowMs - _commandedAtMs > _confirmMs)
                {
                    _failure = true;
                    _failureReason = "connector lock did not confirm locking within " + _confirmMs + " ms (jammed or no plug)";
                }
            }
            else
            {
                // Released: a lock stuck in the locked position keeps the plug in, which is not a shock hazard.
                _confirmed = false;
                _failure = false;
            }
        }
    }
}
