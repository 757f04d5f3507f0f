using Charger.Metering.Modbus;

namespace Charger.Metering.Profiles
{
    /// <summary>
    /// Carlo Gavazzi EM340 (3-phase). Follows "EM330/EM340 Communication protocol" (Carlo Gavazzi, version 1),
    /// table "Instantaneous variables and meters": INT32 values in two registers with the LEAST significant word
    /// at the lower address, fixed weights (V*10, A*1000, W*10, Hz*10, kWh*10), read with FC 03.
    /// </summary>
    public sealed class Em340Profile : IMeterProfile
    {
        public const ushort VoltageL1Register = 0x0000;
        public const ushort CurrentL1Register = 0x000C;
        public const ushort SystemPowerRegister = 0x0028;
        public const ushort FrequencyRegister = 0x0033;
        public const ushort ImportEnergyTotalRegister = 0x0034;

        // Datasheet weights.
        private const double VoltsPerCount = 0.1;
        private const double AmpsPerCount = 0.001;
        private const double WattsPerCount = 0.1;
        private const double HertzPerCount = 0.1;
        private const double WhPerEnergyCount = 100.0;   // kWh * 10

        private const int BlockLength = ImportEnergyTotalRegister + 2;

        public string Model
        {
            get { return "Carlo Gavazzi EM340"; }
        }

        public string Datasheet
        {
            get { return "Carlo Gavazzi EM330/EM340 Communication protocol, version 1"; }
        }

        public int PhaseCount
        {
            get { return 3; }
        }

        public byte ReadFunction
        {
            get { return ModbusFunctionCode.ReadHoldingRegisters; }
        }

        public int BlockCount
        {
            get { return 1; }
        }

        public ushort GetBlockStart(int block)
        {
            return VoltageL1Register;
        }

        public int GetBlockLength(int block)
        {
            return BlockLength;
        }

        public bool Decode(int block, ushort[] registers, MeterReading reading)
        {
            reading.PhaseCount = 3;
            for (int phase = 1; phase <= 3; phase++)
            {
                int voltage = RegisterDecoder.Int32LowWordFirst(registers, VoltageL1Register + ((phase - 1) * 2));
                int current = RegisterDecoder.Int32LowWordFirst(registers, CurrentL1Register + ((phase - 1) * 2));
                reading.SetVoltageV(phase, voltage * VoltsPerCount);

                // The EM340 signs current with the power direction; the charger's over-current check wants magnitude.
                reading.SetCurrentA(phase, (current < 0 ? -current : current) * AmpsPerCount);
            }

            int power = RegisterDecoder.Int32LowWordFirst(registers, SystemPowerRegister);
            int frequency = (short)registers[FrequencyRegister];
            int energy = RegisterDecoder.Int32LowWordFirst(registers, ImportEnergyTotalRegister);
            if (energy < 0 || frequency < 0)
            {
                // A negative import counter or frequency is a corrupted or unsupported register, not a measurement.
                return false;
            }

            reading.PowerActiveImportW = power > 0 ? power * WattsPerCount : 0;
            reading.FrequencyHz = frequency * HertzPerCount;
            reading.EnergyActiveImportWh = energy * WhPerEnergyCount;
            return true;
        }
    }
}
