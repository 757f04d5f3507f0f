namespace Charger.Firmware.Thermal
{
    /// <summary>
    /// Staged derating of one sensor with hysteresis: a stage is entered at its threshold and left
    /// only when the temperature falls <c>hysteresisC</c> below it, so the offer does not flap
    /// around a threshold.
    /// </summary>
    public sealed class ThermalDerating
    {
        private readonly double[] _enterC = new double[4];
        private readonly double _hysteresisC;
        private DeratingStage _stage;

        public ThermalDerating(double halfPowerC, double quarterPowerC, double stopC, double hysteresisC)
        {
            if (!(halfPowerC < quarterPowerC && quarterPowerC < stopC))
            {
                throw new System.ArgumentException("derating thresholds must rise: half " + halfPowerC.ToString("F1") + " < quarter "
                    + quarterPowerC.ToString("F1") + " < stop " + stopC.ToString("F1") + " °C");
            }

            if (hysteresisC < 0.0)
            {
                throw new System.ArgumentOutOfRangeException("hysteresisC", "must not be negative");
            }

            _enterC[1] = halfPowerC;
            _enterC[2] = quarterPowerC;
            _enterC[3] = stopC;
            _hysteresisC = hysteresisC;
        }

        public DeratingStage Stage
        {
            get { return _stage; }
        }

        public double StopC
        {
            get { return _enterC[3]; }
        }

        public double HysteresisC
        {
            get { return _hysteresisC; }
        }

        public DeratingStage Update(double temperatureC)
        {
            int stage = (int)_stage;
            while (stage < 3 && temperatureC >= _enterC[stage + 1])
            {
                stage++;
            }

            while (stage > 0 && temperatureC < _enterC[stage] - _hysteresisC)
            {
                stage--;
            }

            _stage = (DeratingStage)stage;
            return _stage;
        }

        /// <summary>Forces the stop stage (a sensor that cannot be read is treated as too hot).</summary>
        public void ForceStop()
        {
            _stage = DeratingStage.Stop;
        }
    }
}
