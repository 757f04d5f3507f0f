using Charger.Metering.Modbus;
using Charger.Metering.Profiles;
using Charger.Metering.Service;
using Charger.Metering.Tests.Support;

namespace Charger.Metering.Tests.Profiles;

/// <summary>
/// Each profile is fed answer frames built from its datasheet's register map, written as the bytes on the wire,
/// and must ask for the right registers with the right function code and convert to the right units.
/// </summary>
public class ProfileTests
{
    private static void AssertPhases(MeterReading r, double[] volts, double[] amps)
    {
        for (int p = 1; p <= 3; p++)
        {
            Assert.Equal(volts[p - 1], r.GetVoltageV(p), 3);
            Assert.Equal(amps[p - 1], r.GetCurrentA(p), 3);
        }
    }

    [Fact]
    public void Sdm630ReadsFloat32HighWordFirstInputRegisters()
    {
        // SDM630 map: 30001.. phase volts, 30007.. phase amps (float32, MSW first); 30053 total W; 30071 Hz; 30073 import kWh.
        byte[] phases = new RegisterImage(18)
            .At(0x00, "4366 8000  4367 0000  4365 8000")   // 230.5 V, 231.0 V, 229.5 V
            .At(0x06, "4180 0000  4178 0000  3E80 0000")   // 16.0 A, 15.5 A, 0.25 A
            .AsResponse(1, 4);
        byte[] totals = new RegisterImage(22)
            .At(0x34 - 0x34, "462C 8000")   // 11040.0 W
            .At(0x46 - 0x34, "4248 0000")   // 50.0 Hz
            .At(0x48 - 0x34, "449A 5000")   // 1234.5 kWh
            .AsResponse(1, 4);

        var (service, rig) = ProfileHarness.Poll(new Sdm630Profile(), phases, totals);

        Assert.Equal(Frames.WithCrc(Frames.Hex("01 04 0000 0012")), rig.Slave.Requests[0]);
        Assert.Equal(Frames.WithCrc(Frames.Hex("01 04 0034 0016")), rig.Slave.Requests[1]);
        MeterReading r = service.LatestReading;
        Assert.NotNull(r);
        AssertPhases(r, new[] { 230.5, 231.0, 229.5 }, new[] { 16.0, 15.5, 0.25 });
        Assert.Equal(11040.0, r.PowerActiveImportW, 3);
        Assert.Equal(50.0, r.FrequencyHz, 3);
        Assert.Equal(1234500.0, r.EnergyActiveImportWh, 3);
        Assert.Equal(3, r.PhaseCount);
    }

    [Fact]
    public void Sdm630NaNRegisterDiscardsTheReading()
    {
        byte[] phases = new RegisterImage(18).At(0x00, "7FC0 0000").AsResponse(1, 4);   // quiet NaN
        var (service, _) = ProfileHarness.Poll(new Sdm630Profile(), phases);
        Assert.Null(service.LatestReading);
        Assert.Equal(1, service.InvalidReadings);
        Assert.Equal(MeterPollFailure.InvalidValue, service.LastFailure);
    }

    [Fact]
    public void Sdm630NegativeTotalPowerIsExportNotImport()
    {
        byte[] phases = new RegisterImage(18).AsResponse(1, 4);
        byte[] totals = new RegisterImage(22).At(0, "C3FA 0000").At(18, "4248 0000").AsResponse(1, 4); // -500 W
        var (service, _) = ProfileHarness.Poll(new Sdm630Profile(), phases, totals);
        Assert.Equal(0.0, service.LatestReading.PowerActiveImportW);
    }

    [Fact]
    public void Sdm120ReadsOnePhaseFromFloat32InputRegisters()
    {
        byte[] instant = new RegisterImage(14)
            .At(0x00, "4366 8000")   // 230.5 V
            .At(0x06, "4180 0000")   // 16.0 A
            .At(0x0C, "4566 8000")   // 3688.0 W
            .AsResponse(1, 4);
        byte[] energy = new RegisterImage(4)
            .At(0, "4248 0000")      // 30071 frequency 50.0 Hz
            .At(2, "4120 0000")      // 30073 import 10.0 kWh
            .AsResponse(1, 4);

        var (service, rig) = ProfileHarness.Poll(new Sdm120Profile(), instant, energy);

        Assert.Equal(Frames.WithCrc(Frames.Hex("01 04 0000 000E")), rig.Slave.Requests[0]);
        Assert.Equal(Frames.WithCrc(Frames.Hex("01 04 0046 0004")), rig.Slave.Requests[1]);
        MeterReading r = service.LatestReading;
        Assert.Equal(1, r.PhaseCount);
        Assert.Equal(230.5, r.GetVoltageV(1), 3);
        Assert.Equal(16.0, r.GetCurrentA(1), 3);
        Assert.Equal(0.0, r.GetCurrentA(2));
        Assert.Equal(3688.0, r.PowerActiveImportW, 3);
        Assert.Equal(10000.0, r.EnergyActiveImportWh, 3);
    }

    private static byte[] AbbInstant(string l2Volts, string l3Volts, string l2Amps, string l3Amps) =>
        new RegisterImage(0x2D)
            .At(0x00, "0000 0901 " + l2Volts + " " + l3Volts)    // 0x5B00.. u32 0.1 V: 230.5 V
            .At(0x0C, "0000 0640 " + l2Amps + " " + l3Amps)      // 0x5B0C.. u32 0.01 A: 16.00 A
            .At(0x14, "0010 D880")                               // 0x5B14 s32 0.01 W: 11040.00 W
            .At(0x2C, "1388")                                    // 0x5B2C u16 0.01 Hz: 50.00 Hz
            .AsResponse(1, 3);

    [Fact]
    public void AbbB23ReadsScaledIntegersAnd64BitEnergyFromHoldingRegisters()
    {
        byte[] energy = new RegisterImage(4).At(0, "0000 0000 075B CD15").AsResponse(1, 3);   // 123456789 x 0.01 kWh
        byte[] instant = AbbInstant("0000 0906", "0000 08F7", "0000 060E", "0000 0019");

        var (service, rig) = ProfileHarness.Poll(AbbB2xProfile.B23(), energy, instant);

        Assert.Equal(Frames.WithCrc(Frames.Hex("01 03 5000 0004")), rig.Slave.Requests[0]);
        Assert.Equal(Frames.WithCrc(Frames.Hex("01 03 5B00 002D")), rig.Slave.Requests[1]);
        MeterReading r = service.LatestReading;
        AssertPhases(r, new[] { 230.5, 231.0, 229.5 }, new[] { 16.0, 15.5, 0.25 });
        Assert.Equal(11040.0, r.PowerActiveImportW, 3);
        Assert.Equal(50.0, r.FrequencyHz, 3);
        Assert.Equal(1234567890.0, r.EnergyActiveImportWh, 1);
    }

    [Fact]
    public void AbbEnergyAbove32BitsUsesAllFourRegisters()
    {
        // 0x0000_0002_DFDC_1C35 = 12345678901 x 0.01 kWh: a 32-bit decoder would lose the top words.
        byte[] energy = new RegisterImage(4).At(0, "0000 0002 DFDC 1C35").AsResponse(1, 3);
        byte[] instant = AbbInstant("0000 0906", "0000 08F7", "0000 060E", "0000 0019");
        var (service, _) = ProfileHarness.Poll(AbbB2xProfile.B23(), energy, instant);
        Assert.Equal(123456789010.0, service.LatestReading.EnergyActiveImportWh, 1);
    }

    [Fact]
    public void AbbB21TreatsNotAvailablePhasesAsAbsent()
    {
        byte[] energy = new RegisterImage(4).At(0, "0000 0000 0000 03E8").AsResponse(1, 3);   // 10.00 kWh
        byte[] instant = AbbInstant("FFFF FFFF", "FFFF FFFF", "FFFF FFFF", "FFFF FFFF");
        var (service, _) = ProfileHarness.Poll(AbbB2xProfile.B21(), energy, instant);
        MeterReading r = service.LatestReading;
        Assert.Equal(1, r.PhaseCount);
        Assert.Equal(16.0, r.GetCurrentA(1), 3);
        Assert.Equal(0.0, r.GetCurrentA(2));
        Assert.Equal(10000.0, r.EnergyActiveImportWh, 3);
    }

    [Fact]
    public void AbbB23NotAvailableValueOnAPhaseItHasDiscardsTheReading()
    {
        byte[] energy = new RegisterImage(4).At(0, "0000 0000 0000 03E8").AsResponse(1, 3);
        byte[] instant = AbbInstant("FFFF FFFF", "0000 08F7", "0000 060E", "0000 0019");
        var (service, _) = ProfileHarness.Poll(AbbB2xProfile.B23(), energy, instant);
        Assert.Null(service.LatestReading);
        Assert.Equal(1, service.InvalidReadings);
    }

    [Fact]
    public void Em340ReadsInt32WithTheLowWordFirst()
    {
        byte[] block = new RegisterImage(0x36)
            .At(0x00, "0901 0000  0906 0000  08F7 0000")   // V*10, LSW first: 230.5, 231.0, 229.5 V
            .At(0x0C, "3E80 0000  3C8C 0000  00FA 0000")   // A*1000: 16.000, 15.500, 0.250 A
            .At(0x28, "AF40 0001")                         // W*10 = 0x0001AF40 = 110400: 11040.0 W
            .At(0x33, "01F4")                              // Hz*10 = 500: 50.0 Hz
            .At(0x34, "3039 0000")                         // kWh*10 = 12345: 1234.5 kWh
            .AsResponse(1, 3);

        var (service, rig) = ProfileHarness.Poll(new Em340Profile(), block);

        Assert.Equal(Frames.WithCrc(Frames.Hex("01 03 0000 0036")), rig.Slave.Requests[0]);
        MeterReading r = service.LatestReading;
        AssertPhases(r, new[] { 230.5, 231.0, 229.5 }, new[] { 16.0, 15.5, 0.25 });
        Assert.Equal(11040.0, r.PowerActiveImportW, 3);
        Assert.Equal(50.0, r.FrequencyHz, 3);
        Assert.Equal(1234500.0, r.EnergyActiveImportWh, 3);
    }

    [Fact]
    public void Em340NegativeCurrentSignIsDroppedForTheOverCurrentCheck()
    {
        byte[] block = new RegisterImage(0x36)
            .At(0x0C, "C180 FFFF")   // -16000 (0xFFFFC180), LSW first
            .At(0x33, "01F4")
            .AsResponse(1, 3);
        var (service, _) = ProfileHarness.Poll(new Em340Profile(), block);
        Assert.Equal(16.0, service.LatestReading.GetCurrentA(1), 3);
    }

    [Fact]
    public void EveryProfileNamesItsDatasheetAndAsksForAtMost125Registers()
    {
        IMeterProfile[] all = { new Sdm630Profile(), new Sdm120Profile(), AbbB2xProfile.B23(), AbbB2xProfile.B21(), new Em340Profile() };
        foreach (var p in all)
        {
            Assert.False(string.IsNullOrEmpty(p.Datasheet));
            Assert.False(string.IsNullOrEmpty(p.Model));
            Assert.True(p.ReadFunction == ModbusFunctionCode.ReadHoldingRegisters || p.ReadFunction == ModbusFunctionCode.ReadInputRegisters);
            for (int b = 0; b < p.BlockCount; b++)
            {
                Assert.InRange(p.GetBlockLength(b), 1, 125);
            }
        }
    }

    [Theory]
    [InlineData("3F80 0000", 1.0)]
    [InlineData("C000 0000", -2.0)]
    [InlineData("0000 0001", 1.401298464324817E-45)]   // smallest subnormal
    [InlineData("7F7F FFFF", 3.4028234663852886E+38)]  // float.MaxValue
    [InlineData("0000 0000", 0.0)]
    public void Float32DecodesLikeIeee754(string wire, double expected)
    {
        var regs = new RegisterImage(2).At(0, wire).Registers;
        Assert.Equal(expected, RegisterDecoder.Float32HighWordFirst(regs, 0));
    }

    [Fact]
    public void Float32InfinityIsTreatedAsInvalid()
    {
        Assert.True(double.IsNaN(RegisterDecoder.Float32HighWordFirst(new RegisterImage(2).At(0, "7F80 0000").Registers, 0)));
    }
}
