namespace Charger.Firmware.Thermal
{
    /// <summary>
    /// The β model: 1/T = 1/T0 + ln(R/R0)/β, T in kelvin. Good to about ±1 °C over the 0..100 °C span a
    /// datasheet's β(25/85) is quoted for. Default: 10 kΩ at 25 °C, β 3950 K (the common socket NTC).
    /// </summary>
    public sealed class BetaNtcModel : INtcModel
    {
        public const double KelvinAtZeroC = 273.15;
        public const double DefaultR25Ohms = 10000.0;
        public const double DefaultBetaK = 3950.0;

        private readonly double _r0Ohms;
        private readonly double _t0K;
        private readonly double _betaK;

        public BetaNtcModel(double r0Ohms, double t0C, double betaK)
        {
            if (r0Ohms <= 0.0 || betaK <= 0.0)
            {
                throw new System.ArgumentOutOfRangeException("r0Ohms", "NTC nominal resistance and beta must be positive");
            }

            _r0Ohms = r0Ohms;
            _t0K = t0C + KelvinAtZeroC;
            _betaK = betaK;
        }

        public BetaNtcModel() : this(DefaultR25Ohms, 25.0, DefaultBetaK)
        {
        }

        public double TemperatureCFor(double resistanceOhms)
        {
            double inverseK = 1.0 / _t0K + System.Math.Log(resistanceOhms / _r0Ohms) / _betaK;
            return 1.0 / inverseK - KelvinAtZeroC;
        }

        /// <summary>The resistance at a temperature (the inverse law; used by board bring-up and tests).</summary>
        public double ResistanceOhmsAt(double temperatureC)
        {
            double tK = temperatureC + KelvinAtZeroC;
            return _r0Ohms * System.Math.Exp(_betaK * (1.0 / tK - 1.0 / _t0K));
        }
    }
}
