using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using Charger.Metering.Modbus;
using Charger.Metering.Profiles;
using Charger.Metering.Service;
using Charger.Sim.Models.Meter;
using Charger.Sim.Models.Serial;

namespace Charger.Metering.Tests.Interop;

/// <summary>
/// Real bytes over real pseudo-terminals (socat pairs), in real time: our master against a slave we did not write
/// (npm modbus-serial ServerSerial) and our SDM630 slave model against a master we did not write (Debian mbpoll).
/// </summary>
[Collection("pty interop")]
public class ModbusInteropTests
{
    private const int Baud = 9600;

    private static void RunRealTime(System.Func<bool> done, int timeoutMs, System.Action<long> tick)
    {
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(watch.ElapsedMilliseconds < timeoutMs, $"no result within {timeoutMs} ms");
            tick(System.Environment.TickCount64);
            System.Threading.Thread.Sleep(1);
        }
    }

    [InteropFact]
    public void PtySerialPortCarriesOurMasterToOurSlaveModel()
    {
        using var pty = SocatPtyPair.Start();
        using var masterPort = new PtySerialPort(pty.PathA, Baud);
        using var slavePort = new PtySerialPort(pty.PathB, Baud);
        masterPort.Open();
        slavePort.Open();
        var meter = new Sdm630Model(slavePort, 1);
        meter.SetPhase(1, 231.5, 12.25);
        var service = new MeterService(new ModbusRtuMaster(masterPort), new Sdm630Profile(), 1);

        RunRealTime(() => service.LatestReading != null, 10_000, now =>
        {
            service.Tick(now);
            meter.Poll(now);
        });

        Assert.Equal(231.5, service.LatestReading.GetVoltageV(1), 3);
        Assert.Equal(12.25, service.LatestReading.GetCurrentA(1), 3);
        Assert.True(meter.Slave.RequestsAnswered >= 2);
    }

    [InteropFact(modbusSerial: true)]
    public void OurMasterReadsSdm630RegistersFromModbusSerialServerSerial()
    {
        using var pty = SocatPtyPair.Start();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = InteropTools.ModbusPeerDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("sdm630-server.js");
        info.ArgumentList.Add(pty.PathB);
        info.ArgumentList.Add(Baud.ToString());
        info.ArgumentList.Add("1");
        using var node = Process.Start(info);
        node.OutputDataReceived += (_, e) => { if (e.Data != null) output.Enqueue(e.Data); };
        node.ErrorDataReceived += (_, e) => { if (e.Data != null) output.Enqueue("stderr: " + e.Data); };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        try
        {
            var watch = Stopwatch.StartNew();
            while (!output.Contains("READY"))
            {
                Assert.False(node.HasExited, "modbus-serial server exited: " + string.Join(" | ", output));
                Assert.True(watch.ElapsedMilliseconds < 15_000, "modbus-serial server not ready: " + string.Join(" | ", output));
                System.Threading.Thread.Sleep(20);
            }

            using var port = new PtySerialPort(pty.PathA, Baud);
            port.Open();
            var master = new ModbusRtuMaster(port);
            var service = new MeterService(master, new Sdm630Profile(), 1);
            RunRealTime(() => service.LatestReading != null || service.PollsFailed >= 3, 20_000, service.Tick);

            MeterReading r = service.LatestReading;
            Assert.True(r != null, $"no reading: {service.LastModbusError}, counters bad={master.Counters.BadFrames}; peer said: {string.Join(" | ", output)}");
            Assert.Equal(230.1, r.GetVoltageV(1), 3);
            Assert.Equal(230.2, r.GetVoltageV(2), 3);
            Assert.Equal(230.3, r.GetVoltageV(3), 3);
            Assert.Equal(10.5, r.GetCurrentA(1), 3);
            Assert.Equal(11.5, r.GetCurrentA(2), 3);
            Assert.Equal(12.5, r.GetCurrentA(3), 3);
            Assert.Equal(7942.1, r.PowerActiveImportW, 2);
            Assert.Equal(49.98, r.FrequencyHz, 3);
            Assert.Equal(4321500.0, r.EnergyActiveImportWh, 0);

            // The peer logged the two block reads it served: bytes crossed the pty both ways. Its log
            // lines arrive on their own thread, possibly after our master already has the answer.
            var logWatch = Stopwatch.StartNew();
            while (!(output.Contains("REQUEST fc=4 addr=0 len=18") && output.Contains("REQUEST fc=4 addr=52 len=22"))
                && logWatch.ElapsedMilliseconds < 5_000)
            {
                System.Threading.Thread.Sleep(20);
            }

            Assert.Contains("REQUEST fc=4 addr=0 len=18", output);
            Assert.Contains("REQUEST fc=4 addr=52 len=22", output);
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill();
                node.WaitForExit(2000);
            }
        }
    }

    [InteropFact(modbusSerial: true)]
    public void ModbusSerialServerExceptionForAnUnmappedRegisterBecomesATypedError()
    {
        using var pty = SocatPtyPair.Start();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = InteropTools.ModbusPeerDirectory,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("sdm630-server.js");
        info.ArgumentList.Add(pty.PathB);
        using var node = Process.Start(info);
        node.OutputDataReceived += (_, e) => { if (e.Data != null) output.Enqueue(e.Data); };
        node.BeginOutputReadLine();
        try
        {
            var watch = Stopwatch.StartNew();
            while (!output.Contains("READY"))
            {
                Assert.True(watch.ElapsedMilliseconds < 15_000 && !node.HasExited, "modbus-serial server not ready");
                System.Threading.Thread.Sleep(20);
            }

            using var port = new PtySerialPort(pty.PathA, Baud);
            port.Open();
            var master = new ModbusRtuMaster(port);
            master.BeginReadInputRegisters(1, 0x0200, 2);
            RunRealTime(() => master.State != ModbusTransactionState.Busy, 10_000, now => master.Tick(now));

            Assert.Equal(ModbusError.SlaveException, master.LastError);
            Assert.Equal(ModbusExceptionCode.IllegalDataAddress, master.LastExceptionCode);
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill();
                node.WaitForExit(2000);
            }
        }
    }

    private static (string Output, int ExitCode) RunMbpoll(Sdm630Model meter, PtySerialPort slavePort, params string[] args)
    {
        var info = new ProcessStartInfo("mbpoll")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var mbpoll = Process.Start(info);
        var stdout = mbpoll.StandardOutput.ReadToEndAsync();
        var stderr = mbpoll.StandardError.ReadToEndAsync();
        var watch = Stopwatch.StartNew();
        while (!mbpoll.HasExited)
        {
            meter.Poll(System.Environment.TickCount64);
            System.Threading.Thread.Sleep(1);
            if (watch.ElapsedMilliseconds > 15_000)
            {
                mbpoll.Kill();
                Assert.Fail("mbpoll did not finish within 15 s");
            }
        }

        mbpoll.WaitForExit();
        return (stdout.Result + stderr.Result, mbpoll.ExitCode);
    }

    private static System.Collections.Generic.Dictionary<int, double> ParseMbpoll(string output)
    {
        var values = new System.Collections.Generic.Dictionary<int, double>();
        foreach (Match m in Regex.Matches(output, @"^\[(\d+)\]:\s+(-?[0-9.]+(?:e[-+]?\d+)?)", RegexOptions.Multiline))
        {
            values[int.Parse(m.Groups[1].Value)] = double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }

    [InteropFact(mbpoll: true)]
    public void MbpollReadsOurSdm630SlaveModel()
    {
        using var pty = SocatPtyPair.Start();
        using var slavePort = new PtySerialPort(pty.PathB, Baud);
        slavePort.Open();
        var meter = new Sdm630Model(slavePort, 1);
        meter.SetPhase(1, 230.5, 16);
        meter.SetPhase(2, 231, 15.5);
        meter.SetPhase(3, 229.5, 0.25);
        meter.ImportEnergyKWh = 1234.5;

        // -0: PDU (zero-based) addresses as in the SDM630 map; -B: float words high first as Eastron sends them.
        var (output, exit) = RunMbpoll(meter, slavePort,
            "-m", "rtu", "-b", Baud.ToString(), "-P", "none", "-a", "1", "-t", "3:float", "-B", "-0",
            "-r", "0", "-c", "6", "-1", "-o", "2", pty.PathA);

        Assert.True(exit == 0, "mbpoll failed: " + output);
        var values = ParseMbpoll(output);
        Assert.Equal(230.5, values[0], 3);
        Assert.Equal(231.0, values[2], 3);
        Assert.Equal(229.5, values[4], 3);
        Assert.Equal(16.0, values[6], 3);
        Assert.Equal(15.5, values[8], 3);
        Assert.Equal(0.25, values[10], 3);

        (output, exit) = RunMbpoll(meter, slavePort,
            "-m", "rtu", "-b", Baud.ToString(), "-P", "none", "-a", "1", "-t", "3:float", "-B", "-0",
            "-r", "72", "-c", "1", "-1", "-o", "2", pty.PathA);
        Assert.True(exit == 0, "mbpoll failed: " + output);
        Assert.Equal(1234.5, ParseMbpoll(output)[72], 2);
        Assert.True(meter.Slave.RequestsAnswered >= 2);
    }

    [InteropFact(mbpoll: true)]
    public void MbpollWritesAHoldingRegisterOfOurSlaveAndGetsExceptionForUnmappedOnes()
    {
        using var pty = SocatPtyPair.Start();
        using var slavePort = new PtySerialPort(pty.PathB, Baud);
        slavePort.Open();
        var meter = new Sdm630Model(slavePort, 1);

        var (output, exit) = RunMbpoll(meter, slavePort,
            "-m", "rtu", "-b", Baud.ToString(), "-P", "none", "-a", "1", "-t", "4", "-0",
            "-r", "10", "-1", "-o", "2", pty.PathA, "1234");
        Assert.True(exit == 0, "mbpoll write failed: " + output);
        Assert.Equal(1234, meter.Slave.HoldingRegisters[10]);

        (output, _) = RunMbpoll(meter, slavePort,
            "-m", "rtu", "-b", Baud.ToString(), "-P", "none", "-a", "1", "-t", "3", "-0",
            "-r", "1000", "-c", "2", "-1", "-o", "2", pty.PathA);
        Assert.Contains("Illegal data address", output, System.StringComparison.OrdinalIgnoreCase);
        Assert.True(meter.Slave.ExceptionsSent >= 1);
    }
}
