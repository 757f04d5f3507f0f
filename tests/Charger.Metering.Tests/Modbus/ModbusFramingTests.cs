using Charger.Hal.Sim;
using Charger.Metering.Modbus;
using Charger.Metering.Tests.Support;

namespace Charger.Metering.Tests.Modbus;

public class ModbusFramingTests
{
    [Fact]
    public void CrcMatchesTheCatalogueCheckValueForCrc16Modbus()
    {
        // CRC-16/MODBUS check value over ASCII "123456789" is 0x4B37 (reveng CRC catalogue).
        byte[] data = System.Text.Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0x4B37, ModbusCrc.Compute(data, 0, data.Length));
    }

    [Fact]
    public void CrcIsAppendedLowByteFirstAsTheSerialLineSpecRequires()
    {
        // Serial Line V1.02 section 6.2.2 worked example: 01 03 00 00 00 0A -> CRC C5 CD on the wire.
        byte[] frame = Frames.Hex("01030000000A0000");
        ModbusCrc.Append(frame, 0, 6);
        Assert.Equal(Frames.Hex("01030000000AC5CD"), frame);
        Assert.True(ModbusCrc.IsValidFrame(frame, 0, 8));
        frame[3] ^= 0x01;
        Assert.False(ModbusCrc.IsValidFrame(frame, 0, 8));
    }

    [Theory]
    [InlineData(9600, 1146, 4011, 5)]
    [InlineData(19200, 573, 2006, 3)]
    [InlineData(38400, 287, 1750, 2)]
    [InlineData(115200, 96, 1750, 2)]
    public void InterFrameGapIsThreeAndAHalfCharactersOrFixedAbove19200Baud(int baud, int charUs, int gapUs, int gapMs)
    {
        Assert.Equal(charUs, ModbusTiming.CharacterTimeUs(baud));
        Assert.Equal(gapUs, ModbusTiming.InterFrameGapUs(baud));
        Assert.Equal(gapMs, ModbusTiming.InterFrameGapMs(baud));
    }

    [Fact]
    public void ReadInputRegistersRequestIsBitExact()
    {
        var rig = new MasterRig();
        rig.Slave.Answer(Frames.ReadResponse(1, 4, 0x4366, 0x0000));
        Assert.True(rig.Master.BeginReadInputRegisters(1, 0x0000, 2));
        Assert.Equal(ModbusTransactionState.Completed, rig.RunToEnd());

        // The SDM630 "phase 1 voltage" request as every Eastron integration guide prints it.
        Assert.Equal(Frames.Hex("01040000000271CB"), rig.Slave.Requests[0]);
        Assert.Equal(2, rig.Master.RegisterCount);
        Assert.Equal(0x4366, rig.Master.GetRegister(0));
        Assert.Equal(0x0000, rig.Master.GetRegister(1));
    }

    [Fact]
    public void ReadHoldingRegistersRequestIsBitExactAndRegistersDecodeBigEndian()
    {
        var rig = new MasterRig();
        var regs = new ushort[10];
        for (int i = 0; i < regs.Length; i++)
        {
            regs[i] = (ushort)(0x0102 * (i + 1));
        }

        rig.Slave.Answer(Frames.ReadResponse(1, 3, regs));
        rig.Master.BeginReadHoldingRegisters(1, 0x0000, 10);
        Assert.Equal(ModbusTransactionState.Completed, rig.RunToEnd());
        Assert.Equal(Frames.Hex("01030000000AC5CD"), rig.Slave.Requests[0]);
        var copy = new ushort[10];
        rig.Master.CopyRegisters(copy, 0);
        Assert.Equal(regs, copy);
    }

    [Fact]
    public void WriteSingleRegisterSendsFunction06AndAcceptsTheEcho()
    {
        var rig = new MasterRig();
        byte[] request = Frames.WithCrc(0x11, 0x06, 0x00, 0x01, 0x00, 0x03);
        rig.Slave.Answer(request);
        rig.Master.BeginWriteSingleRegister(0x11, 0x0001, 0x0003);
        Assert.Equal(ModbusTransactionState.Completed, rig.RunToEnd());
        Assert.Equal(request, rig.Slave.Requests[0]);
        // Application Protocol 6.6 example: 11 06 00 01 00 03 -> CRC 9A 9B.
        Assert.Equal(Frames.Hex("110600010003 9A9B"), request);
    }

    [Fact]
    public void WriteMultipleRegistersSendsFunction16WithByteCountAndAcceptsTheEcho()
    {
        var rig = new MasterRig();
        rig.Slave.Answer(Frames.WithCrc(0x11, 0x10, 0x00, 0x01, 0x00, 0x02));
        rig.Master.BeginWriteMultipleRegisters(0x11, 0x0001, new ushort[] { 0x000A, 0x0102 }, 0, 2);
        Assert.Equal(ModbusTransactionState.Completed, rig.RunToEnd());
        // Application Protocol 6.12 example PDU: 10 00 01 00 02 04 00 0A 01 02.
        Assert.Equal(Frames.WithCrc(0x11, 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02), rig.Slave.Requests[0]);
    }

    [Fact]
    public void WriteEchoWithADifferentValueIsRejectedAsWrongByteCount()
    {
        var rig = new MasterRig();
        rig.Master.Retries = 0;
        rig.Slave.Answer(Frames.WithCrc(0x11, 0x06, 0x00, 0x01, 0x00, 0x04));
        rig.Master.BeginWriteSingleRegister(0x11, 0x0001, 0x0003);
        Assert.Equal(ModbusTransactionState.Failed, rig.RunToEnd());
        Assert.Equal(ModbusError.WrongByteCount, rig.Master.LastError);
    }

    [Fact]
    public void DefaultsAreTwoHundredMillisecondTimeoutAndTwoRetries()
    {
        var rig = new MasterRig();
        Assert.Equal(200, rig.Master.ResponseTimeoutMs);
        Assert.Equal(2, rig.Master.Retries);
    }

    [Fact]
    public void RequestWaitsForThreeAndAHalfCharactersOfSilenceAfterBusActivity()
    {
        var rig = new MasterRig(9600);
        // A byte arrives on the bus right now; the request must not start until 5 ms (4.01 ms rounded up) of silence.
        rig.Pair.A.InjectNoise(new byte[] { 0x55 }, 0, 1);
        rig.Clock.Advance(2);
        rig.Master.BeginReadInputRegisters(1, 0, 1);
        long quietFromMs = rig.Clock.NowMs;
        rig.Master.Tick(rig.Clock.NowMs);
        int sentBefore = rig.Pair.A.BytesWritten;
        Assert.Equal(0, sentBefore);

        long sentAtMs = -1;
        for (int i = 0; i < 20 && sentAtMs < 0; i++)
        {
            rig.Clock.Advance(1);
            rig.Master.Tick(rig.Clock.NowMs);
            if (rig.Pair.A.BytesWritten > 0)
            {
                sentAtMs = rig.Clock.NowMs;
            }
        }

        Assert.True(sentAtMs - quietFromMs >= ModbusTiming.InterFrameGapMs(9600), $"sent after {sentAtMs - quietFromMs} ms");
        Assert.Equal(1, rig.Master.Counters.NoiseBytesDiscarded);
    }

    [Fact]
    public void DriverEnableIsHighOnlyWhileTransmittingAndReleasedForTheAnswer()
    {
        var de = new SimDigitalOutput();
        var levels = new System.Collections.Generic.List<bool>();
        de.Written += high => levels.Add(high);
        var rig = new MasterRig(9600, de);
        rig.Slave.Answer(Frames.ReadResponse(1, 4, 7));
        rig.Master.BeginReadInputRegisters(1, 0, 1);
        Assert.Equal(ModbusTransactionState.Completed, rig.RunToEnd());

        // Receive at construction, transmit for the request, receive again before the answer.
        Assert.Equal(new[] { false, true, false }, levels);
        Assert.False(de.State);
    }

    [Fact]
    public void ABusyMasterRefusesASecondRequest()
    {
        var rig = new MasterRig();
        Assert.True(rig.Master.BeginReadInputRegisters(1, 0, 1));
        Assert.False(rig.Master.BeginReadInputRegisters(1, 2, 1));
    }

    [Fact]
    public void ArgumentsOutsideTheSpecAreRefused()
    {
        var rig = new MasterRig();
        Assert.Throws<System.ArgumentOutOfRangeException>(() => rig.Master.BeginReadInputRegisters(0, 0, 1));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => rig.Master.BeginReadInputRegisters(248, 0, 1));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => rig.Master.BeginReadInputRegisters(1, 0, 126));
        Assert.Throws<System.ArgumentOutOfRangeException>(
            () => rig.Master.BeginWriteMultipleRegisters(1, 0, new ushort[124], 0, 124));
    }
}
