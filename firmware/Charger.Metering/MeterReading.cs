namespace Charger.Metering
{
    /// <summary>
    /// One set of measurands as OCPP names them (Energy.Active.Import.Register, Power.Active.Import,
    /// Current.Import and Voltage per phase, Frequency), already in SI-ish units, with the time it was read.
    /// </summary>
    public sealed class MeterReading
    {
        private double _currentL1A;
        private double _currentL2A;
        private double _currentL3A;
        private double _voltageL1V;
        private double _voltageL2V;
        private double _voltageL3V;

        /// <summary>Energy.Active.Import.Register in Wh.</summary>
        public double EnergyActiveImportWh { get; set; }

        /// <summary>Power.Active.Import in W (total over the phases).</summary>
        public double PowerActiveImportW { get; set; }

        public double FrequencyHz { get; set; }

        /// <summary>1 for a single-phase meter, 3 for a three-phase one; phases above it read 0.</summary>
        public int PhaseCount { get; set; }

        /// <summary>Monotonic time (ms) at which the last register block of this reading arrived.</summary>
        public long ReadAtMs { get; set; }

        /// <summary>Current.Import of phase 1..3 in A.</summary>
        public double GetCurrentA(int phase)
        {
            switch (phase)
            {
                case 1:
                    return _currentL1A;
                case 2:
                    return _currentL2A;
                case 3:
                    return _currentL3A;
                default:
                    throw new System.ArgumentOutOfRangeException("phase", "phases are 1..3");
            }
        }

        public void SetCurrentA(int phase, double currentA)
        {
            switch (phase)
            {
                case 1:
                    _currentL1A = currentA;
                    break;
                case 2:
                    _currentL2A = currentA;
                    break;
                case 3:
                    _currentL3A = currentA;
                    break;
                default:
                    throw new System.ArgumentOutOfRangeException("phase", "phases are 1..3");
            }
        }

        /// <summary>Voltage of phase 1..3 to neutral in V.</summary>
        public double GetVoltageV(int phase)
        {
            switch (phase)
            {
                case 1:
                    return _voltageL1V;
                case 2:
                    return _voltageL2V;
                case 3:
                    return _voltageL3V;
                default:
                    throw new System.ArgumentOutOfRangeException("phase", "phases are 1..3");
            }
        }

        public void SetVoltageV(int phase, double voltageV)
        {
            switch (phase)
            {
                case 1:
                    _voltageL1V = voltageV;
                    break;
                case 2:
                    _voltageL2V = voltageV;
                    break;
                case 3:
                    _voltageL3V = voltageV;
                    break;
                default:
                    throw new System.ArgumentOutOfRangeException("phase", "phases are 1..3");
            }
        }

        public void CopyFrom(MeterReading other)
        {
            EnergyActiveImportWh = other.EnergyActiveImportWh;
            PowerActiveImportW = other.PowerActiveImportW;
            FrequencyHz = other.FrequencyHz;
            PhaseCount = other.PhaseCount;
            ReadAtMs = other.ReadAtMs;
            _currentL1A = other._currentL1A;
            _currentL2A = other._currentL2A;
            _currentL3A = other._currentL3A;
            _voltageL1V = other._voltageL1V;
            _voltageL2V = other._voltageL2V;
            _voltageL3V = other._voltageL3V;
        }

        public void Clear()
        {
            EnergyActiveImportWh = 0;
            PowerActiveImportW = 0;
            FrequencyHz = 0;
            ReadAtMs = 0;
            _currentL1A = 0;
            _currentL2A = 0;
            _currentL3A = 0;
            _voltageL1V = 0;
            _voltageL2V = 0;
            _voltageL3V = 0;
        }
    }
}
