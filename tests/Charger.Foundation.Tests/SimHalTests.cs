using System;
using System.Linq;
using Charger.Hal;
using Charger.Hal.Sim;

namespace Charger.Foundation.Tests;

public class SimHalTests
{
    [Fact]
    public void VirtualClockMovesOnlyForwardAndOnlyWhenTold()
    {
        var clock = new VirtualClock(500);
        Assert.Equal(500, clock.NowMs);
        clock.Advance(10);
        clock.Set(600);
        Assert.Equal(600, clock.NowMs);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Set(599));
        Assert.Equal(600, clock.NowMs);
    }

    [Fact]
    public void SeededRandomReplaysTheSameSequenceForTheSameSeed()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);
        var c = new SeededRandom(43);
        int[] sa = Enumerable.Range(0, 50).Select(_ => a.Next(1000)).ToArray();
        int[] sb = Enumerable.Range(0, 50).Select(_ => b.Next(1000)).ToArray();
        int[] sc = Enumerable.Range(0, 50).Select(_ => c.Next(1000)).ToArray();
        Assert.Equal(sa, sb);
        Assert.NotEqual(sa, sc);
        Assert.All(sa, v => Assert.InRange(v, 0, 999));
    }

    [Fact]
    public void SeededRandomIsRoughlyUniform()
    {
        var r = new SeededRandom(7);
        var counts = new int[10];
        for (int i = 0; i < 10_000; i++)
        {
            counts[r.Next(10)]++;
        }

        Assert.All(counts, n => Assert.InRange(n, 850, 1150));
    }

    [Fact]
    public void SeededRandomFillsBytesAndRejectsAnEmptyRange()
    {
        var r = new SeededRandom(0);
        var bytes = new byte[64];
        r.NextBytes(bytes);
        Assert.True(bytes.Distinct().Count() > 16);
        Assert.Throws<ArgumentOutOfRangeException>(() => r.Next(0));
        Assert.InRange(r.Next(5, 8), 5, 7);
    }

    [Fact]
    public void AdcChannelClampsToTheConverterRangeAndFollowsASampler()
    {
        var adc = new SimAdcChannel(4095) { Value = 5000 };
        Assert.Equal(4095, adc.ReadRaw());
        adc.Value = -3;
        Assert.Equal(0, adc.ReadRaw());

        int k = 0;
        adc.Sampler = () => k++ % 2 == 0 ? 3900 : 200;
        Assert.Equal(new[] { 3900, 200, 3900 }, new[] { adc.ReadRaw(), adc.ReadRaw(), adc.ReadRaw() });
        Assert.Equal(5, adc.ReadCount);
    }

    [Fact]
    public void PwmOutputRejectsDutyOutsideZeroToOneAndCountsChanges()
    {
        var pwm = new SimPwmOutput(1000);
        pwm.Start();
        pwm.SetDutyCycle(0.5);
        pwm.SetDutyCycle(0.5);
        Assert.Throws<ArgumentOutOfRangeException>(() => pwm.SetDutyCycle(1.01));
        Assert.Equal(0.5, pwm.DutyCycle);
        Assert.True(pwm.IsRunning);
        Assert.Equal(2, pwm.ChangeCount);
        pwm.Stop();
        Assert.False(pwm.IsRunning);
    }

    [Fact]
    public void DigitalOutputReportsEachWriteToListeners()
    {
        var coil = new SimDigitalOutput();
        var levels = new System.Collections.Generic.List<bool>();
        coil.Written += levels.Add;
        coil.Write(true);
        coil.Write(false);
        Assert.Equal(new[] { true, false }, levels);
        Assert.False(coil.State);
        Assert.Equal(2, coil.WriteCount);

        var aux = new SimDigitalInput(false) { Level = true };
        Assert.True(aux.Read());
    }

    [Fact]
    public void RebootControllerRecordsTheReason()
    {
        var reboot = new SimRebootController();
        reboot.Reboot("OCPP Reset Immediate");
        Assert.True(reboot.Requested);
        Assert.Equal("OCPP Reset Immediate", reboot.Reason);
        reboot.Acknowledge();
        Assert.False(reboot.Requested);
        Assert.Equal(1, reboot.Count);
    }
}
