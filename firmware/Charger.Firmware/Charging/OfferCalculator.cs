using Charger.Firmware.Pilot;
using Charger.Firmware.Thermal;

namespace Charger.Firmware.Charging
{
    /// <summary>
    /// The current offered to the EV: the minimum of the configured maximum, the cable rating (PP),
    /// the external limit (smart charging), the metering protection limit and the thermal derating.
    /// Below 6 A there is no offer. Reductions apply at once; increases wait until the EV has had
    /// its 5 s to follow the previous change (IEC 61851-1), except a start from no offer.
    /// </summary>
    public sealed class OfferCalculator
    {
        /// <summary>No external or metering limit.</summary>
        public const int Unlimited = int.MaxValue;

        private readonly ChargingSettings _settings;
        private readonly ProximityPilot _proximity;
        private readonly ThermalMonitor _thermal;
        private int _externalLimitDa = Unlimited;
        private int _meterLimitDa = Unlimited;
        private int _targetDa;
        private int _offerDa;
        private long _lastChangeMs = long.MinValue / 2;

        public OfferCalculator(ChargingSettings settings, ProximityPilot proximity, ThermalMonitor thermal)
        {
            if (settings == null)
            {
                throw new System.ArgumentNullException("settings");
            }

            _settings = settings;
            _proximity = proximity;
            _thermal = thermal;
        }

        /// <summary>The offer in force, in deciamperes; 0 means no offer (PWM withdrawn).</summary>
        public int OfferDa
        {
            get { return _offerDa; }
        }

        /// <summary>What the limits allow now, before the rate limit.</summary>
        public int TargetDa
        {
            get { return _targetDa; }
        }

        public int ExternalLimitDa
        {
            get { return _externalLimitDa; }
        }

        public int MeterLimitDa
        {
            get { return _meterLimitDa; }
        }

        /// <summary>Smart-charging limit from the OCPP layer; <see cref="Unlimited"/> removes it. Negative values count as 0.</summary>
        public void SetExternalLimitDa(int limitDa)
        {
            _externalLimitDa = limitDa < 0 ? 0 : limitDa;
        }

        /// <summary>Protection limit from the metering layer (supply or phase-balance protection).</summary>
        public void SetMeterLimitDa(int limitDa)
        {
            _meterLimitDa = limitDa < 0 ? 0 : limitDa;
        }

        public int Update(long nowMs)
        {
            int baseDa = _settings.MaxCurrentDa;
            if (_proximity != null && _proximity.RatingDa < baseDa)
            {
                baseDa = _proximity.RatingDa;
            }

            if (_externalLimitDa < baseDa)
            {
                baseDa = _externalLimitDa;
            }

            if (_meterLimitDa < baseDa)
            {
                baseDa = _meterLimitDa;
            }

            int target = ApplyThermal(baseDa);
            if (target < DutyCycleMap.MinCurrentDa)
            {
                target = 0;
            }
            else if (target > DutyCycleMap.MaxCurrentDa)
            {
                target = DutyCycleMap.MaxCurrentDa;
            }

            _targetDa = target;
            if (target < _offerDa || (target > _offerDa && (_offerDa == 0 || nowMs - _lastChangeMs >= _settings.OfferChangeIntervalMs)))
            {
                _offerDa = target;
                _lastChangeMs = nowMs;
            }

            return _offerDa;
        }

        private int ApplyThermal(int baseDa)
        {
            if (_thermal == null)
            {
                return baseDa;
            }

            DeratingStage stage = _thermal.WorstStage;
            if (stage == DeratingStage.None)
            {
                return baseDa;
            }

            if (stage == DeratingStage.Stop)
            {
                return 0;
            }

            int percent = stage == DeratingStage.HalfPower ? _settings.HalfPowerPercent : _settings.QuarterPowerPercent;
            int derated = (int)((long)baseDa * percent / 100);
            if (derated < DutyCycleMap.MinCurrentDa && _settings.DeratingClampsToMinimum && baseDa >= DutyCycleMap.MinCurrentDa)
            {
                derated = DutyCycleMap.MinCurrentDa;
            }

            return derated;
        }
    }
}
