using Charger.Firmware.Charging;
using Charger.Firmware.Console;
using Charger.Firmware.Safety;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// Remembers raised and cleared faults with their times so the console's <c>faults</c> can show
    /// what happened and when, with the recovery rule. A fixed ring: the oldest record goes first.
    /// </summary>
    public sealed class FaultHistory : IChargerEvents
    {
        private readonly FaultRecord[] _records;
        private readonly SafetySupervisor _safety;
        private int _count;
        private int _next;

        public FaultHistory(int depth, SafetySupervisor safety)
        {
            _records = new FaultRecord[depth];
            _safety = safety;
        }

        public int Count
        {
            get { return _count; }
        }

        public void FaultRaised(FaultCode code, string reason, bool latched, long nowMs)
        {
            FaultPolicy policy = _safety.GetPolicy(code);
            FaultRecord r;
            r.Code = FaultCodeText.Of(code);
            r.Active = true;
            r.Reason = reason;
            r.RaisedAtMs = nowMs;
            r.ClearedAtMs = -1;
            r.RecoveryRule = policy == null ? "" : policy.RecoveryRule;
            r.ConfirmBeforeClear = code == FaultCode.ContactorWelded;
            _records[_next] = r;
            _next = (_next + 1) % _records.Length;
            if (_count < _records.Length)
            {
                _count++;
            }
        }

        public void FaultCleared(FaultCode code, string how, long nowMs)
        {
            string name = FaultCodeText.Of(code);
            for (int age = 0; age < _count; age++)
            {
                int i = Index(age);
                if (_records[i].Active && _records[i].Code == name)
                {
                    _records[i].Active = false;
                    _records[i].ClearedAtMs = nowMs;
                    return;
                }
            }
        }

        public void StateChanged(IecState previous, IecState current, long nowMs)
        {
        }

        /// <summary>Active faults first, then the cleared ones, each newest first.</summary>
        public int Read(FaultRecord[] destination)
        {
            int n = 0;
            for (int pass = 0; pass < 2; pass++)
            {
                bool wantActive = pass == 0;
                for (int age = 0; age < _count && n < destination.Length; age++)
                {
                    FaultRecord r = _records[Index(age)];
                    if (r.Active == wantActive)
                    {
                        destination[n++] = r;
                    }
                }
            }

            return n;
        }

        // age 0 is the newest record.
        private int Index(int age)
        {
            return (_next - 1 - age + _records.Length * 2) % _records.Length;
        }
    }
}
