using Charger.Hal;

namespace Charger.Firmware.Contactors
{
    /// <summary>
    /// The main contactor: a coil output and an optional auxiliary (mirror) contact. The coil is
    /// written only when the command changes. The auxiliary contact must follow the command within
    /// <c>confirmMs</c>: commanded closed but still open → stuck open; commanded open but still
    /// closed → welded. A later disagreement (dropped out, closed by itself) is judged the same way.
    /// </summary>
    public sealed class Contactor
    {
        /// <summary>Auxiliary contact must confirm within 250 ms (issue 3 default; typical contactor operate time is 20-50 ms).</summary>
        public const int DefaultConfirmMs = 250;

        private readonly IDigitalOutput _coil;
        private readonly IDigitalInput _auxiliary;
        private readonly bool _auxiliaryClosedWhenHigh;
        private readonly int _confirmMs;
        private bool _commandedClosed;
        private long _commandMs;
        private long _mismatchSinceMs = -1;
        private bool _stuckOpen;
        private bool _welded;
        private long _closeCount;

        /// <param name="auxiliary">Auxiliary contact, or null on a board without feedback (no stuck/welded detection).</param>
        public Contactor(IDigitalOutput coil, IDigitalInput auxiliary, bool auxiliaryClosedWhenHigh, int confirmMs)
        {
            if (coil == null)
            {
                throw new System.ArgumentNullException("coil");
            }

            if (confirmMs <= 0)
            {
                throw new System.ArgumentOutOfRangeException("confirmMs", "the feedback confirmation time must be positive");
            }

            _coil = coil;
            _auxiliary = auxiliary;
            _auxiliaryClosedWhenHigh = auxiliaryClosedWhenHigh;
            _confirmMs = confirmMs;
            _coil.Write(false);
        }

        public bool CommandedClosed
        {
            get { return _commandedClosed; }
        }

        public long LastCommandMs
        {
            get { return _commandMs; }
        }

        public bool HasFeedback
        {
            get { return _auxiliary != null; }
        }

        /// <summary>What the auxiliary contact says; without one, the command.</summary>
        public bool FeedbackClosed
        {
            get { return _auxiliary == null ? _commandedClosed : _auxiliary.Read() == _auxiliaryClosedWhenHigh; }
        }

        public bool StuckOpenDetected
        {
            get { return _stuckOpen; }
        }

        public bool WeldedDetected
        {
            get { return _welded; }
        }

        public int ConfirmMs
        {
            get { return _confirmMs; }
        }

        /// <summary>Times the coil was energised since boot (contact wear).</summary>
        public long CloseCount
        {
            get { return _closeCount; }
        }

        public void Command(bool close, long nowMs)
        {
            if (close == _commandedClosed)
            {
                return;
            }

            _commandedClosed = close;
            _commandMs = nowMs;
            _mismatchSinceMs = nowMs;
            if (close)
            {
                _closeCount++;
            }

            _coil.Write(close);
        }

        /// <summary>Compares the auxiliary contact with the command; call once per tick.</summary>
        public void Evaluate(long nowMs)
        {
            if (_auxiliary == null)
            {
                _stuckOpen = false;
                _welded = false;
                return;
            }

            bool closed = FeedbackClosed;
            if (closed == _commandedClosed)
            {
                _mismatchSinceMs = -1;
                _stuckOpen = false;
                _welded = false;
                return;
            }

            if (_mismatchSinceMs < 0)
            {
                _mismatchSinceMs = nowMs;
            }

            bool late = nowMs - _mismatchSinceMs > _confirmMs;
            _stuckOpen = late && _commandedClosed;
            _welded = late && !_commandedClosed;
        }
    }
}
