namespace Charger.Firmware.Pilot
{
    /// <summary>
    /// The analog front end between the ±12 V control pilot and the ADC: a divider that scales the
    /// pilot by 1/<c>pilotVoltsPerAdcVolt</c> and lifts it by <c>offsetMv</c> so that -12 V and +12 V both
    /// fall inside the converter range. adcMv = offsetMv + pilotMv / pilotVoltsPerAdcVolt.
    /// Follows the board's schematic; the default matches a 3.3 V, 12-bit ADC with a gain-of-1/8
    /// divider centred at 1.65 V (-12 V → 0.15 V, +12 V → 3.15 V).
    /// </summary>
    public sealed class PilotBoardProfile
    {
        /// <summary>12-bit converter full scale.</summary>
        public const int DefaultAdcMaxCounts = 4095;

        /// <summary>ESP32 ADC with 11 dB attenuation read against a 3.3 V reference.</summary>
        public const int DefaultReferenceMv = 3300;

        /// <summary>Mid-supply bias of the default front end.</summary>
        public const int DefaultOffsetMv = 1650;

        /// <summary>±12 V mapped onto ±1.5 V around the bias.</summary>
        public const double DefaultPilotVoltsPerAdcVolt = 8.0;

        private readonly int _adcMaxCounts;
        private readonly int _referenceMv;
        private readonly int _offsetMv;
        private readonly double _pilotVoltsPerAdcVolt;

        public PilotBoardProfile(int adcMaxCounts, int referenceMv, int offsetMv, double pilotVoltsPerAdcVolt)
        {
            if (adcMaxCounts <= 0)
            {
                throw new System.ArgumentOutOfRangeException("adcMaxCounts", "the converter full scale must be positive");
            }

            if (referenceMv <= 0)
            {
                throw new System.ArgumentOutOfRangeException("referenceMv", "the ADC reference must be positive");
            }

            if (pilotVoltsPerAdcVolt <= 0.0)
            {
                throw new System.ArgumentOutOfRangeException("pilotVoltsPerAdcVolt", "the divider gain must be positive");
            }

            _adcMaxCounts = adcMaxCounts;
            _referenceMv = referenceMv;
            _offsetMv = offsetMv;
            _pilotVoltsPerAdcVolt = pilotVoltsPerAdcVolt;
        }

        public static PilotBoardProfile CreateDefault(int adcMaxCounts)
        {
            return new PilotBoardProfile(adcMaxCounts, DefaultReferenceMv, DefaultOffsetMv, DefaultPilotVoltsPerAdcVolt);
        }

        public int AdcMaxCounts
        {
            get { return _adcMaxCounts; }
        }

        public int ReferenceMv
        {
            get { return _referenceMv; }
        }

        public int OffsetMv
        {
            get { return _offsetMv; }
        }

        public double PilotVoltsPerAdcVolt
        {
            get { return _pilotVoltsPerAdcVolt; }
        }

        /// <summary>Pilot voltage in millivolts for one conversion.</summary>
        public int ToPilotMv(int counts)
        {
            double adcMv = (double)counts * _referenceMv / _adcMaxCounts;
            double pilotMv = (adcMv - _offsetMv) * _pilotVoltsPerAdcVolt;
            return pilotMv >= 0.0 ? (int)(pilotMv + 0.5) : -(int)(-pilotMv + 0.5);
        }

        /// <summary>The conversion a given pilot voltage produces (clamped to the converter range).</summary>
        public int ToCounts(int pilotMv)
        {
            double adcMv = _offsetMv + pilotMv / _pilotVoltsPerAdcVolt;
            double counts = adcMv * _adcMaxCounts / _referenceMv;
            if (counts <= 0.0)
            {
                return 0;
            }

            int rounded = (int)(counts + 0.5);
            return rounded > _adcMaxCounts ? _adcMaxCounts : rounded;
        }
    }
}
