using System.Collections;
using Charger.Firmware.Charging;
using Charger.Firmware.Safety;

namespace Charger.DeviceTests
{
    /// <summary>
    /// An event subscriber as the OCPP or console layer would be, recording what the core told it.
    /// Codes and states are kept as numbers: the device must never rely on enum names.
    /// </summary>
    public sealed class RecordingChargerEvents : IChargerEvents
    {
        private readonly ArrayList _raisedCodes = new ArrayList();
        private readonly ArrayList _raisedReasons = new ArrayList();
        private readonly ArrayList _raisedLatched = new ArrayList();
        private readonly ArrayList _clearedCodes = new ArrayList();
        private readonly ArrayList _clearedHow = new ArrayList();
        private readonly ArrayList _stateFrom = new ArrayList();
        private readonly ArrayList _stateTo = new ArrayList();

        public int RaisedCount
        {
            get { return _raisedCodes.Count; }
        }

        public int StateChangeCount
        {
            get { return _stateTo.Count; }
        }

        public void FaultRaised(FaultCode code, string reason, bool latched, long nowMs)
        {
            _raisedCodes.Add((int)code);
            _raisedReasons.Add(reason);
            _raisedLatched.Add(latched);
        }

        public void FaultCleared(FaultCode code, string how, long nowMs)
        {
            _clearedCodes.Add((int)code);
            _clearedHow.Add(how);
        }

        public void StateChanged(IecState previous, IecState current, long nowMs)
        {
            _stateFrom.Add((int)previous);
            _stateTo.Add((int)current);
        }

        public FaultCode RaisedCode(int index)
        {
            return (FaultCode)(int)_raisedCodes[index];
        }

        public string RaisedReason(int index)
        {
            return (string)_raisedReasons[index];
        }

        public bool RaisedLatched(int index)
        {
            return (bool)_raisedLatched[index];
        }

        /// <summary>Whether <paramref name="code"/> was raised with a reason containing <paramref name="fragment"/>.</summary>
        public bool WasRaised(FaultCode code, string fragment)
        {
            for (int i = 0; i < _raisedCodes.Count; i++)
            {
                if ((int)_raisedCodes[i] == (int)code && ((string)_raisedReasons[i]).IndexOf(fragment) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="code"/> was cleared exactly as <paramref name="how"/>.</summary>
        public bool WasCleared(FaultCode code, string how)
        {
            for (int i = 0; i < _clearedCodes.Count; i++)
            {
                if ((int)_clearedCodes[i] == (int)code && (string)_clearedHow[i] == how)
                {
                    return true;
                }
            }

            return false;
        }

        public bool SawTransition(IecState from, IecState to)
        {
            for (int i = 0; i < _stateTo.Count; i++)
            {
                if ((int)_stateFrom[i] == (int)from && (int)_stateTo[i] == (int)to)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
