using Charger.Hal;

namespace Charger.Sim.Models.Meter;

/// <summary>
/// An Eastron SDM630 as seen from its RS-485 port: the simulator sets what flows through each phase, the
/// model integrates energy over (virtual or real) time and keeps the input registers of the
/// "SDM630 Modbus Protocol" map up to date as float32, high word first.
/// </summary>
public sealed class Sdm630Model
{
    // Register addresses from the SDM630 Modbus map (input registers, hex start address).
    public const int VoltageL1Register = 0x0000;
    public const int CurrentL1Register = 0x0006;
    public const int PowerL1Register = 0x000C;
    public const int PowerFactorL1Register = 0x001E;
    public const int TotalPowerRegister = 0x0034;
    public const int FrequencyRegister = 0x0046;
    public const int ImportEnergyRegister = 0x0048;
    public const int ExportEnergyRegister = 0x004A;
    public const int TotalEnergyRegister = 0x0156;

    // The SDM630 map ends at 0x0180 (30385); reads past it get exception 02 like the real meter.
    private const int InputRegisterCount = 0x0180;
    private const int HoldingRegisterCount = 0x0100;

    private const double MsPerHour = 3_600_000.0;

    private readonly ModbusRtuSlave _slave;
    private readonly double[] _voltageV = { 230.0, 230.0, 230.0 };
    private readonly double[] _currentA = new double[3];
    private long _lastAdvanceMs = long.MinValue;

    public Sdm630Model(ISerialPort port, byte address)
    {
        _slave = new ModbusRtuSlave(port, address, InputRegisterCount, HoldingRegisterCount);
        PowerFactor = 1.0;
        FrequencyHz = 50.0;
        Refresh();
    }

    public ModbusRtuSlave Slave => _slave;

    public double PowerFactor { get; set; }

    public double FrequencyHz { get; set; }

    /// <summary>The import register (kWh). Setting it lower simulates a faulty or swapped meter.</summary>
    public double ImportEnergyKWh { get; set; }

    public double TotalPowerW
    {
        get
        {
            double total = 0;
            for (int i = 0; i < 3; i++)
            {
                total += PhasePowerW(i + 1);
            }

            return total;
        }
    }

    public void SetPhase(int phase, double voltageV, double currentA)
    {
        _voltageV[phase - 1] = voltageV;
        _currentA[phase - 1] = currentA;
    }

    public double PhasePowerW(int phase) => _voltageV[phase - 1] * _currentA[phase - 1] * PowerFactor;

    /// <summary>Integrates energy up to <paramref name="nowMs"/> at the power that held since the last call.</summary>
    public void Advance(long nowMs)
    {
        if (_lastAdvanceMs != long.MinValue && nowMs > _lastAdvanceMs)
        {
            double powerW = TotalPowerW;
            if (powerW > 0)
            {
                ImportEnergyKWh += powerW * (nowMs - _lastAdvanceMs) / MsPerHour / 1000.0;
            }
        }

        _lastAdvanceMs = nowMs;
        Refresh();
    }

    /// <summary>Advances the physics and serves the bus.</summary>
    public void Poll(long nowMs)
    {
        Advance(nowMs);
        _slave.Poll(nowMs);
    }

    private void Refresh()
    {
        ushort[] r = _slave.InputRegisters;
        for (int i = 0; i < 3; i++)
        {
            PutFloat(r, VoltageL1Register + i * 2, _voltageV[i]);
            PutFloat(r, CurrentL1Register + i * 2, _currentA[i]);
            PutFloat(r, PowerL1Register + i * 2, PhasePowerW(i + 1));
            PutFloat(r, PowerFactorL1Register + i * 2, PowerFactor);
        }

        PutFloat(r, TotalPowerRegister, TotalPowerW);
        PutFloat(r, FrequencyRegister, FrequencyHz);
        PutFloat(r, ImportEnergyRegister, ImportEnergyKWh);
        PutFloat(r, ExportEnergyRegister, 0);
        PutFloat(r, TotalEnergyRegister, ImportEnergyKWh);
    }

    private static void PutFloat(ushort[] registers, int index, double value)
    {
        uint bits = System.BitConverter.SingleToUInt32Bits((float)value);
        registers[index] = (ushort)(bits >> 16);
        registers[index + 1] = (ushort)bits;
    }
}
