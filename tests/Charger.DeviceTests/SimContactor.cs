using Charger.Hal.Sim;

namespace Charger.DeviceTests
{
    /// <summary>
    /// A contactor's auxiliary contact following its coil after an operate time, with injectable
    /// faults: welded (once closed it stays closed) and stuck open (never closes).
    /// </summary>
    public sealed class SimContactor
    {
        private readonly SimDigitalOutput _coil;
        private readonly SimDigitalInput _aux;
        private bool _lastCoil;
        private long _coilChangedMs;

        public SimContactor(SimDigitalOutput coil, SimDigitalInput aux, int operateMs)
        {
            _coil = coil;
            _aux = aux;
            OperateMs = operateMs;
        }

        public int OperateMs { get; set; }

        public bool Welded { get; set; }

        public bool StuckOpen { get; set; }

        public bool Closed
        {
            get { return _aux.Level; }
        }

        /// <summary>Moves the contact to where the coil has held it for the operate time.</summary>
        public void Step(long nowMs)
        {
            if (_coil.State != _lastCoil)
            {
                _lastCoil = _coil.State;
                _coilChangedMs = nowMs;
            }

            if (nowMs - _coilChangedMs < OperateMs)
            {
                return;
            }

            if (_coil.State)
            {
                _aux.Level = !StuckOpen;
            }
            else if (!Welded)
            {
                _aux.Level = false;
            }
        }
    }
}
