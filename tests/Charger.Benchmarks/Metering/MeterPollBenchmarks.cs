using BenchmarkDotNet.Attributes;
using Charger.Metering;
using Charger.Metering.Modbus;
using Charger.Metering.Profiles;
using Charger.Metering.Service;

namespace Charger.Benchmarks.Metering;

/// <summary>
/// One complete SDM630 poll cycle: encode both block requests, frame and CRC-check both answers, decode the
/// float32 registers and convert to units. Issue 4 figure: time per cycle and bytes allocated; the only
/// allocation expected is the MeterReading the service hands out (and none for the bare master + profile path).
/// Run: dotnet run -c Release --project tests/Charger.Benchmarks -- --filter '*MeterPoll*'
/// </summary>
[MemoryDiagnoser]
public class MeterPollBenchmarks
{
    private ModbusRtuMaster _master;
    private Sdm630Profile _profile;
    private MeterReading _reading;
    private ushort[] _registers;
    private MeterService _service;
    private long _nowMs;
    private long _serviceNowMs;

    [GlobalSetup]
    public void Setup()
    {
        _profile = new Sdm630Profile();
        _reading = new MeterReading();
        _registers = new ushort[ModbusRtuMaster.MaxReadRegisters];
        _master = new ModbusRtuMaster(CreatePort());
        _service = new MeterService(new ModbusRtuMaster(CreatePort()), new Sdm630Profile(), 1);
        _nowMs = 0;
        _serviceNowMs = 0;
    }

    private static CannedMeterPort CreatePort()
    {
        var phases = new ushort[18];
        Put(phases, 0, 230.5f); Put(phases, 2, 231f); Put(phases, 4, 229.5f);
        Put(phases, 6, 16f); Put(phases, 8, 15.5f); Put(phases, 10, 0.25f);
        var totals = new ushort[22];
        Put(totals, 0, 11040f); Put(totals, 18, 50f); Put(totals, 20, 1234.5f);
        return new CannedMeterPort(new ushort[] { 0x0000, 0x0034 }, new[] { Response(phases), Response(totals) });
    }

    private static void Put(ushort[] registers, int index, float value)
    {
        uint bits = System.BitConverter.SingleToUInt32Bits(value);
        registers[index] = (ushort)(bits >> 16);
        registers[index + 1] = (ushort)bits;
    }

    private static byte[] Response(ushort[] registers)
    {
        var frame = new byte[5 + registers.Length * 2];
        frame[0] = 1;
        frame[1] = 4;
        frame[2] = (byte)(registers.Length * 2);
        for (int i = 0; i < registers.Length; i++)
        {
            frame[3 + i * 2] = (byte)(registers[i] >> 8);
            frame[4 + i * 2] = (byte)registers[i];
        }

        ModbusCrc.Append(frame, 0, frame.Length - 2);
        return frame;
    }

    /// <summary>Master + profile only: encode, decode, convert into a reused reading. Expect 0 bytes allocated.</summary>
    [Benchmark(Baseline = true)]
    public double MasterAndProfileCycle()
    {
        for (int block = 0; block < _profile.BlockCount; block++)
        {
            _master.Reset();
            _master.BeginReadInputRegisters(1, _profile.GetBlockStart(block), _profile.GetBlockLength(block));
            while (_master.Tick(_nowMs) == ModbusTransactionState.Busy)
            {
                _nowMs += 5;
            }

            _master.CopyRegisters(_registers, 0);
            _profile.Decode(block, _registers, _reading);
        }

        return _reading.EnergyActiveImportWh;
    }

    /// <summary>The meter service's full poll (health checks included). Expect one MeterReading allocated.</summary>
    [Benchmark]
    public MeterReading ServicePollCycle()
    {
        int before = _service.PollsSucceeded;
        while (_service.PollsSucceeded == before)
        {
            _service.Tick(_serviceNowMs);
            _serviceNowMs += 5;
        }

        return _service.LatestReading;
    }
}
