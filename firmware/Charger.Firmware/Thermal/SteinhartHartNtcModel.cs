namespace Charger.Firmware.Thermal
{
    /// <summary>
    /// Steinhart-Hart: 1/T = A + B·ln R + C·(ln R)³, T in kelvin, with the three coefficients a
    /// datasheet gives (or fitted from three points). Accurate to about ±0.1 °C across the range.
    /// </summary>
    public sealed class SteinhartHartNtcModel : INtcModel
    {
        private readonly double _a;
        private readonly double _b;
        private readonly double _c;

        public SteinhartHartNtcModel(double a, double b, double c)
        {
            _a = a;
            _b = b;
            _c = c;
        }

        public double A
        {
            get { return _a; }
        }

        public double B
        {
            get { return _b; }
        }

        public double C
        {
            get { return _c; }
        }

        public double TemperatureCFor(double resistanceOhms)
        {
            double lnR = System.Math.Log(resistanceOhms);
            double inverseK = _a + _b * lnR + _c * lnR * lnR * lnR;
            return 1.0 / inverseK - BetaNtcModel.KelvinAtZeroC;
        }

        /// <summary>
        /// Coefficients through three (temperature, resistance) points, as in the Steinhart-Hart
        /// paper's three-point fit. Throws when the points do not give a usable curve.
        /// </summary>
        public static SteinhartHartNtcModel FromThreePoints(double t1C, double r1Ohms, double t2C, double r2Ohms, double t3C, double r3Ohms)
        {
            // Checked before any division: on nanoFramework a double divided by zero throws a bare
            // System.Exception instead of giving Infinity or NaN, so the NaN test below alone would
            // let repeated points escape as an unexplained exception on the device.
            if (t1C == t2C || t1C == t3C || t2C == t3C || r1Ohms == r2Ohms || r1Ohms == r3Ohms || r2Ohms == r3Ohms)
            {
                throw new System.ArgumentException("Steinhart-Hart fit: the three points must have distinct temperatures and resistances");
            }

            if (r1Ohms <= 0.0 || r2Ohms <= 0.0 || r3Ohms <= 0.0 || t1C <= -BetaNtcModel.KelvinAtZeroC
                || t2C <= -BetaNtcModel.KelvinAtZeroC || t3C <= -BetaNtcModel.KelvinAtZeroC)
            {
                throw new System.ArgumentException("Steinhart-Hart fit: resistances must be positive and temperatures above absolute zero");
            }

            double l1 = System.Math.Log(r1Ohms);
            double l2 = System.Math.Log(r2Ohms);
            double l3 = System.Math.Log(r3Ohms);
            double y1 = 1.0 / (t1C + BetaNtcModel.KelvinAtZeroC);
            double y2 = 1.0 / (t2C + BetaNtcModel.KelvinAtZeroC);
            double y3 = 1.0 / (t3C + BetaNtcModel.KelvinAtZeroC);
            double g2 = (y2 - y1) / (l2 - l1);
            double g3 = (y3 - y1) / (l3 - l1);
            double logSum = l1 + l2 + l3;
            if (logSum == 0.0)
            {
                throw new System.ArgumentException("Steinhart-Hart fit: the resistances give no usable curve (product of 1 ohm cubed)");
            }

            double c = (g3 - g2) / (l3 - l2) / logSum;
            double b = g2 - c * (l1 * l1 + l1 * l2 + l2 * l2);
            double a = y1 - (b + l1 * l1 * c) * l1;
            if (double.IsNaN(a) || double.IsNaN(b) || double.IsNaN(c) || double.IsInfinity(c))
            {
                throw new System.ArgumentException("Steinhart-Hart fit: the three points must have distinct temperatures and resistances");
            }

            return new SteinhartHartNtcModel(a, b, c);
        }
    }
}
