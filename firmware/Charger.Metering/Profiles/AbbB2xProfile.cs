using Charger.Metering.Modbus;

namespace Charger.Metering.Profiles
{
    /// <summary>
    /// ABB B23 (3-phase) and B21 (1-phase) meters. Follows ABB "B-series Modbus register map"
    /// (document 2CMC485003M0201): holding registers read with FC 03, integers high word first with a fixed
    /// resolution per quantity, energy as a 64-bit unsigned counter in 0.01 kWh.
    /// </summary>
    public sealed class AbbB2xProfile : IMeterProfile
    {
        public const ushort ActiveImportEnergyRegister = 0x5000;
        public const ushort VoltageL1Register = 0x5B00;
        public const ushort CurrentL1Register = 0x5B0C;
        public const ushort TotalActivePowerRegister = 0x5B14;
        public const ushort FrequencyRegister = 0x5B2C;

        // Register map resolutions.
        private const double WhPerEnergyCount = 10.0;   // 0.01 kWh
        private const double VoltsPerCount = 0.1;
        private const double AmpsPerCount = 0.01;
        private const double WattsPerCount = 0.01;
        private const double HertzPerCount = 0.01;

        // Register map: a quantity the meter does not have (e.g. L2 on a B21) reads as all ones / max positive.
        private const uint NotAvailableUInt32 = 0xFFFFFFFF;
        private const int NotAvailableInt32 = 0x7FFFFFFF;
        private const ushort NotAvailableUInt16 = 0xFFFF;
        private const ulong NotAvailableUInt64 = 0xFFFFFFFFFFFFFFFF;

        private const int EnergyBlockLength = 4;
        private const int InstantBlockLength = FrequencyRegister + 1 - VoltageL1Register;

        private readonly int _phaseCount;
        private readonly string _model;

        private AbbB2xProfile(int phaseCount, string model)
        {
            _phaseCount = phaseCount;
            _model = model;
        }

        public static AbbB2xProfile B23()
        {
            return new AbbB2xProfile(3, "ABB B23");
        }

        public static AbbB2xProfile B21()
        {
            return new AbbB2xProfile(1, "ABB B21");
        }

        public string Model
        {
            get { return _model; }
        }

        public string Datasheet
        {
            get { return "ABB B-series Modbus register map, 2CMC485003M0201"; }
        }

        public int PhaseCount
        {
            get { return _phaseCount; }
        }

        public byte ReadFunction
        {
            get { return ModbusFunctionCode.ReadHoldingRegisters; }
        }

        public int BlockCount
        {
            get { return 2; }
        }

        public ushort GetBlockStart(int block)
        {
            return block == 0 ? ActiveImportEnergyRegister : VoltageL1Register;
        }

        public int GetBlockLength(int block)
        {
            return block == 0 ? EnergyBlockLength : InstantBlockLength;
        }

        public bool Decode(int block, ushort[] registers, MeterReading reading)
        {
            reading.PhaseCount = _phaseCount;
            if (block == 0)
            {
                ulong energyCount = RegisterDecoder.UInt64HighWordFirst(registers, 0);
                if (energyCount == NotAvailableUInt64)
                {
                    return false;
                }

                reading.EnergyActiveImportWh = energyCount * WhPerEnergyCount;
                return true;
            }

            for (int phase = 1; phase <= 3; phase++)
            {
                if (phase > _phaseCount)
                {
                    reading.SetVoltageV(phase, 0);
                    reading.SetCurrentA(phase, 0);
                    continue;
                }

                uint voltage = RegisterDecoder.UInt32HighWordFirst(registers, (phase - 1) * 2);
                uint current = RegisterDecoder.UInt32HighWordFirst(registers, (CurrentL1Register - VoltageL1Register) + ((phase - 1) * 2));
                if (voltage == NotAvailableUInt32 || current == NotAvailableUInt32)
                {
                    return false;
                }

                reading.SetVoltageV(phase, voltage * VoltsPerCount);
                reading.SetCurrentA(phase, current * AmpsPerCount);
            }

            int power = RegisterDecoder.Int32HighWordFirst(registers, TotalActivePowerRegister - VoltageL1Register);
            ushort frequency = registers[FrequencyRegister - VoltageL1Register];
            if (power == NotAvailableInt32 || frequency == NotAvailableUInt16)
            {
                return false;
            }

            reading.PowerActiveImportW = power > 0 ? power * WattsPerCount : 0;
            reading.FrequencyHz = frequency * HertzPerCount;
            return true;
        }
    }
}
