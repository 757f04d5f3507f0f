using Charger.Firmware.Charging;
using Charger.Hal;

namespace Charger.Firmware.Safety
{
    /// <summary>
    /// Fans events out to a fixed number of subscribers (OCPP, console, simulator). A subscriber that
    /// throws is logged and skipped for that event: reporting must never stop the safety path.
    /// </summary>
    public sealed class ChargerEventHub : IChargerEvents
    {
        private readonly IChargerEvents[] _sinks;
        private readonly ILog _log;
        private int _count;

        public ChargerEventHub(int capacity, ILog log)
        {
            _sinks = new IChargerEvents[capacity];
            _log = log;
        }

        public int Count
        {
            get { return _count; }
        }

        public void Add(IChargerEvents sink)
        {
            if (sink == null)
            {
                throw new System.ArgumentNullException("sink");
            }

            if (_count == _sinks.Length)
            {
                throw new System.InvalidOperationException("event hub full (" + _sinks.Length + " subscribers)");
            }

            _sinks[_count++] = sink;
        }

        public void FaultRaised(FaultCode code, string reason, bool latched, long nowMs)
        {
            for (int i = 0; i < _count; i++)
            {
                try
                {
                    _sinks[i].FaultRaised(code, reason, latched, nowMs);
                }
                catch (System.Exception ex)
                {
                    Report(ex);
                }
            }
        }

        public void FaultCleared(FaultCode code, string how, long nowMs)
        {
            for (int i = 0; i < _count; i++)
            {
                try
                {
                    _sinks[i].FaultCleared(code, how, nowMs);
                }
                catch (System.Exception ex)
                {
                    Report(ex);
                }
            }
        }

        public void StateChanged(IecState previous, IecState current, long nowMs)
        {
            for (int i = 0; i < _count; i++)
            {
                try
                {
                    _sinks[i].StateChanged(previous, current, nowMs);
                }
                catch (System.Exception ex)
                {
                    Report(ex);
                }
            }
        }

        private void Report(System.Exception ex)
        {
            if (_log != null)
            {
                _log.Write(LogLevel.Error, "events", "event subscriber failed: " + ex.Message);
            }
        }
    }
}
