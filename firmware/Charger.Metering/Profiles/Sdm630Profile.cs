using Charger.Metering.Modbus;

namespace Charger.Metering.Profiles
{
    /// <summary>
    /// Eastron SDM630-Modbus (3-phase, 4-wire). Follows "Eastron SDM630 Modbus Protocol" (V1.5), section 3.3
    /// input registers: every parameter is an IEEE-754 float32 in two registers, high word first, read with FC 04.
    /// </summary>
    public sealed class Sdm630Profile : IMeterProfile
    {
        // Input register addresses (datasheet "Modbus Protocol Start Address Hex").
        public const ushort PhaseVoltageL1Register = 0x0000;
        public const ushort PhaseCurrentL1Register = 0x0006;
        public const ushort PhasePowerL1Register = 0x000C;
        public const ushort TotalSystemPowerRegister = 0x0034;
        public const ushort FrequencyRegister = 0x0046;
        public const ushort ImportActiveEnergyRegister = 0x0048;

        // Two blocks instead of one 74-register read: Eastron meters answer at most 40 parameters (80 registers).
        private const ushort PhaseBlockStart = 0x0000;
        private const int PhaseBlockLength = 18;
        private const ushort TotalsBlockStart = TotalSystemPowerRegister;
        private const int TotalsBlockLength = ImportActiveEnergyRegister + 2 - TotalSystemPowerRegister;

        private const double WhPerKWh = 1000.0;

        public string Model
        {
            get { return "Eastron SDM630"; }
        }

        public string Datasheet
        {
            get { return "Eastron SDM630 Modbus Protocol V1.5, input registers 30001-30344"; }
        }

        public int PhaseCount
        {
            get { return 3; }
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
            return block == 0 ? PhaseBlockStart : TotalsBlockStart;
        }

        public int GetBlockLength(int block)
        {
            return block == 0 ? PhaseBlockLength : TotalsBlockLength;
        }

        public bool Decode(int block, ushort[] registers, MeterReading reading)
        {
            reading.PhaseCount = 3;
            if (block == 0)
            {
                for (int phase = 1; phase <= 3; phase++)
                {
                    double voltageV = RegisterDecoder.Float32HighWordFirst(registers, PhaseVoltageL1Register + ((phase - 1) * 2));
                    double currentA = RegisterDecoder.Float32HighWordFirst(registers, PhaseCurrentL1Register + ((phase - 1) * 2));
                    if (double.IsNaN(voltageV) || double.IsNaN(currentA))
                    {
                        return false;
                    }

                    reading.SetVoltageV(phase, voltageV);
                    reading.SetCurrentA(phase, currentA);
                }

                return true;
            }

            double powerW = RegisterDecoder.Float32HighWordFirst(registers, TotalSystemPowerRegister - TotalsBlockStart);
            double frequencyHz = RegisterDecoder.Float32HighWordFirst(registers, FrequencyRegister - TotalsBlockStart);
            double energyKWh = RegisterDecoder.Float32HighWordFirst(registers, ImportActiveEnergyRegister - TotalsBlockStart);
            if (double.IsNaN(powerW) || double.IsNaN(frequencyHz) || double.IsNaN(energyKWh))
            {
                return false;
            }

            // Power.Active.Import counts import only; a negative total is export (vehicle-to-grid), not import.
            reading.PowerActiveImportW = powerW > 0 ? powerW : 0;
            reading.FrequencyHz = frequencyHz;
            reading.EnergyActiveImportWh = energyKWh * WhPerKWh;
            return true;
        }
    }
}
