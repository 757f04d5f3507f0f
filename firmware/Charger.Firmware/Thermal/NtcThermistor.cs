using Charger.Hal;

namespace Charger.Firmware.Thermal
{
    /// <summary>
    /// An NTC read through a divider: series resistor to the reference, NTC to ground, so
    /// R = Rseries × counts / (max - counts). Readings within a small margin of either rail are open
    /// or shorted sensors and never turn into a temperature (fail safe); so are temperatures outside
    /// the plausible -40..+150 °C.
    /// </summary>
    public sealed class NtcThermistor
    {
        /// <summary>Issue 12 item 9: readings outside -40..+150 °C are a sensor fault, not a temperature.</summary>
        public const double PlausibleMinC = -40.0;
        public const double PlausibleMaxC = 150.0;

        private readonly IAdcChannel _adc;
        private readonly string _name;
        private readonly int _seriesOhms;
        private readonly INtcModel _model;
        private readonly int _railMarginCounts;
        private double _temperatureC;
        private SensorStatus _status;
        private int _lastCounts;

        public NtcThermistor(IAdcChannel adc, string name, int seriesOhms, INtcModel model, int railMarginPermille)
        {
            if (adc == null)
            {
                throw new System.ArgumentNullException("adc");
            }

            if (seriesOhms <= 0)
            {
                throw new System.ArgumentOutOfRangeException("seriesOhms", name + ": series resistor must be positive");
            }

            if (model == null)
            {
                throw new System.ArgumentNullException("model");
            }

            _adc = adc;
            _name = name;
            _seriesOhms = seriesOhms;
            _model = model;
            int margin = adc.MaxValue * railMarginPermille / 1000;
            _railMarginCounts = margin < 1 ? 1 : margin;
        }

        public string Name
        {
            get { return _name; }
        }

        /// <summary>Latest valid temperature; unchanged while the sensor is open or shorted.</summary>
        public double TemperatureC
        {
            get { return _temperatureC; }
        }

        public SensorStatus Status
        {
            get { return _status; }
        }

        public int LastCounts
        {
            get { return _lastCounts; }
        }

        public SensorStatus Read()
        {
            int counts = _adc.ReadRaw();
            int max = _adc.MaxValue;
            _lastCounts = counts;
            if (counts >= max - _railMarginCounts)
            {
                _status = SensorStatus.Open;
                return _status;
            }

            if (counts <= _railMarginCounts)
            {
                _status = SensorStatus.Short;
                return _status;
            }

            double ohms = (double)_seriesOhms * counts / (max - counts);
            double temperatureC = _model.TemperatureCFor(ohms);
            if (!(temperatureC >= PlausibleMinC && temperatureC <= PlausibleMaxC))
            {
                // Also catches NaN: a wrong NTC, a leaky connector or a drifting reference, never a reading to trust.
                _status = SensorStatus.Implausible;
                return _status;
            }

            _temperatureC = temperatureC;
            _status = SensorStatus.Ok;
            return _status;
        }
    }
}
