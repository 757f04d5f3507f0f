using Charger.Metering.Modbus;

namespace Charger.Metering.Profiles
{
    /// <summary>
    /// Eastron SDM120-Modbus (1-phase, 2-wire). Follows "Eastron SDM120 Modbus Protocol" (V2.4), input
    /// registers: IEEE-754 float32, two registers high word first, FC 04.
    /// </summary>
    public sealed class Sdm120Profile : IMeterProfile
    {
        public const ushort VoltageRegister = 0x0000;
        public const ushort CurrentRegister = 0x0006;
        public const ushort ActivePowerRegister = 0x000C;
        public const ushort FrequencyRegister = 0x0046;
        public const ushort ImportActiveEnergyRegister = 0x0048;

        private const ushort InstantBlockStart = VoltageRegister;
        private const int InstantBlockLength = ActivePowerRegister + 2;
        private const ushort EnergyBlockStart = FrequencyRegister;
        private const int EnergyBlockLength = ImportActiveEnergyRegister + 2 - FrequencyRegister;

        private const double WhPerKWh = 1000.0;

        public string Model
        {
            get { return "Eastron SDM120"; }
        }

        public string Datasheet
        {
            get { return "Eastron SDM120 Modbus Protocol V2.4, input registers 30001-30344"; }
        }

        public int PhaseCount
        {
            get { return 1; }
        }

        public byte ReadFunction
        {
            get { return ModbusFunctionCode.ReadInputRegisters; }
        }

        public int BlockCount
        {
            get { return 2; }
        }

        public ushort GetBlockStart(int block)
        {
            return block == 0 ? InstantBlockStart : EnergyBlockStart;
        }

        public int GetBlockLength(int block)
        {
            return block == 0 ? InstantBlockLength : EnergyBlockLength;
        }

        public bool Decode(int block, ushort[] registers, MeterReading reading)
        {
            reading.PhaseCount = 1;
            if (block == 0)
            {
                double voltageV = RegisterDecoder.Float32HighWordFirst(registers, VoltageRegister);
                double currentA = RegisterDecoder.Float32HighWordFirst(registers, CurrentRegister);
                double powerW = RegisterDecoder.Float32HighWordFirst(registers, ActivePowerRegister);
                if (double.IsNaN(voltageV) || double.IsNaN(currentA) || double.IsNaN(powerW))
                {
                    return false;
                }

                reading.SetVoltageV(1, voltageV);
                reading.SetCurrentA(1, currentA);
                reading.PowerActiveImportW = powerW > 0 ? powerW : 0;
                return true;
            }

            double frequencyHz = RegisterDecoder.Float32HighWordFirst(registers, FrequencyRegister - EnergyBlockStart);
            double energyKWh = RegisterDecoder.Float32HighWordFirst(registers, ImportActiveEnergyRegister - EnergyBlockStart);
            if (double.IsNaN(frequencyHz) || double.IsNaN(energyKWh))
            {
                return false;
            }

            reading.FrequencyHz = frequencyHz;
            reading.EnergyActiveImportWh = energyKWh * WhPerKWh;
            return true;
        }
    }
}
