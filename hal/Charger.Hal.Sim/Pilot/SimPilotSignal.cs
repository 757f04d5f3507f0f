namespace Charger.Hal.Sim.Pilot
{
    /// <summary>
    /// The control-pilot circuit of a simulated EV and charger: the ±12 V generator (driven by the
    /// firmware through <see cref="SimPwmOutput"/>) feeds the EV's diode and resistors through the
    /// 1 kΩ source resistor; the result passes the board divider into the ADC. Each conversion walks
    /// one sample interval through the 1 kHz PWM period, so a burst of samples sees both plateaus
    /// as the firmware's sampler does on the board.
    /// </summary>
    public sealed class SimPilotSignal
    {
        /// <summary>IEC 61851-1 Annex A: generator ±12 V behind R1 = 1 kΩ.</summary>
        public const int GeneratorMv = 12000;
        public const double SourceOhms = 1000.0;

        /// <summary>Forward voltage of the EV's diode.</summary>
        public const int DiodeDropMv = 700;

        public const double StateBOhms = 2740.0;
        public const double StateCOhms = 882.0;
        public const double StateDOhms = 246.0;

        /// <summary>ESP32-class ADC: one conversion every 25 µs, 40 per 1 ms period.</summary>
        public const int DefaultSampleIntervalUs = 25;

        private readonly SimAdcChannel _adc;
        private readonly SimPwmOutput _pwm;
        private readonly int _sampleIntervalUs;
        private readonly int _referenceMv;
        private readonly int _offsetMv;
        private readonly double _pilotVoltsPerAdcVolt;
        private int _phaseUs;
        private bool _override;
        private int _overrideHighMv;
        private int _overrideLowMv;

        /// <summary>
        /// Divider as the default board: adcMv = offsetMv + pilotMv / pilotVoltsPerAdcVolt against
        /// <paramref name="referenceMv"/> (3300 mV, 1650 mV, 8 on the reference board).
        /// </summary>
        public SimPilotSignal(SimAdcChannel adc, SimPwmOutput pwm, int sampleIntervalUs, int referenceMv, int offsetMv, double pilotVoltsPerAdcVolt)
        {
            if (adc == null || pwm == null)
            {
                throw new System.ArgumentNullException("adc", "the pilot model needs the ADC channel and the PWM output");
            }

            if (sampleIntervalUs <= 0)
            {
                throw new System.ArgumentOutOfRangeException("sampleIntervalUs", "must be positive");
            }

            _adc = adc;
            _pwm = pwm;
            _sampleIntervalUs = sampleIntervalUs;
            _referenceMv = referenceMv;
            _offsetMv = offsetMv;
            _pilotVoltsPerAdcVolt = pilotVoltsPerAdcVolt;
            DiodePresent = true;
            adc.Sampler = NextSample;
        }

        public SimPilotSignal(SimAdcChannel adc, SimPwmOutput pwm) : this(adc, pwm, DefaultSampleIntervalUs, 3300, 1650, 8.0)
        {
        }

        public EvPilotState EvState { get; set; }

        /// <summary>False models an EV (or a fault) without the pilot diode.</summary>
        public bool DiodePresent { get; set; }

        /// <summary>Conversions produced so far.</summary>
        public long SampleCount { get; private set; }

        /// <summary>
        /// Replaces the EV model by fixed voltages: what the line reads while the generator is high
        /// and while it is low (noise, mis-wired boards, random property tests).
        /// </summary>
        public void SetPilotVoltage(int generatorHighMv, int generatorLowMv)
        {
            _override = true;
            _overrideHighMv = generatorHighMv;
            _overrideLowMv = generatorLowMv;
        }

        public void ClearPilotVoltage()
        {
            _override = false;
        }

        /// <summary>The pilot voltage for a generator level (true = +12 V).</summary>
        public int PilotMv(bool generatorHigh)
        {
            if (_override)
            {
                return generatorHigh ? _overrideHighMv : _overrideLowMv;
            }

            switch (EvState)
            {
                case EvPilotState.A:
                    return generatorHigh ? GeneratorMv : -GeneratorMv;
                case EvPilotState.E:
                    return 0;
                case EvPilotState.F:
                    return -GeneratorMv;
                default:
                    double loadOhms = EvState == EvPilotState.B ? StateBOhms : EvState == EvPilotState.C ? StateCOhms : StateDOhms;
                    if (generatorHigh)
                    {
                        return DiodeDropMv + (int)((GeneratorMv - DiodeDropMv) * loadOhms / (loadOhms + SourceOhms));
                    }

                    return DiodePresent ? -GeneratorMv : -(int)(GeneratorMv * loadOhms / (loadOhms + SourceOhms));
            }
        }

        /// <summary>ADC counts for a pilot voltage through the board divider.</summary>
        public int CountsFor(int pilotMv)
        {
            double adcMv = _offsetMv + pilotMv / _pilotVoltsPerAdcVolt;
            double counts = adcMv * _adc.MaxValue / _referenceMv;
            return (int)(counts + 0.5);
        }

        private int NextSample()
        {
            SampleCount++;
            int periodUs = 1000000 / _pwm.FrequencyHz;
            bool generatorHigh;
            if (!_pwm.IsRunning)
            {
                // A stopped timer leaves the pin low: the generator sits at -12 V.
                generatorHigh = false;
            }
            else
            {
                generatorHigh = _phaseUs < _pwm.DutyCycle * periodUs;
            }

            _phaseUs += _sampleIntervalUs;
            if (_phaseUs >= periodUs)
            {
                _phaseUs -= periodUs;
            }

            return CountsFor(PilotMv(generatorHigh));
        }
    }
}
