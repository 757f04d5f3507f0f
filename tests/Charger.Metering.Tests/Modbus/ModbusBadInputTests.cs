using Charger.Hal.Sim;
using Charger.Metering.Modbus;
using Charger.Metering.Tests.Support;

namespace Charger.Metering.Tests.Modbus;

/// <summary>Every kind of bad answer ends the attempt cleanly, is counted under its own name, and is retried.</summary>
public class ModbusBadInputTests
{
    private static readonly byte[] Good = Frames.ReadResponse(1, 4, 0x1234, 0x5678);

    private static MasterRig RigAnswering(params byte[][] answers)
    {
        var rig = new MasterRig();
        foreach (var a in answers)
        {
            rig.Slave.Answer(a);
        }

        rig.Master.BeginReadInputRegisters(1, 0, 2);
        return rig;
    }

    [Fact]
    public void CrcErrorIsCountedAndTheRetryReadsTheGoodAnswer()
    {
        byte[] bad = (byte[])Good.Clone();
        bad[4] ^= 0x40;
        var rig = RigAnswering(bad, Good);
        Assert.Equal(ModbusTransactionState.Completed, rig.RunToEnd());
        Assert.Equal(1, rig.Master.Counters.CrcErrors);
        Assert.Equal(1, rig.Master.Counters.Retries);
        Assert.Equal(2, rig.Master.Attempts);
        Assert.Equal(0x5678, rig.Master.GetRegister(1));
    }

    [Fact]
    public void TruncatedFrameIsCounted()
    {
        byte[] cut = Good[..6];
        var rig = RigAnswering(cut, cut, cut);
        Assert.Equal(ModbusTransactionState.Failed, rig.RunToEnd());
        Assert.Equal(ModbusError.TruncatedFrame, rig.Master.LastError);
        Assert.Equal(3, rig.Master.Counters.TruncatedFrames);
        Assert.Equal(1, rig.Master.Counters.FailedTransactions);
    }

    [Fact]
    public void AnswerFromTheWrongSlaveAddressIsCountedAndNotAccepted()
    {
        byte[] other = Frames.ReadResponse(2, 4, 0x1234, 0x5678);
        var rig = RigAnswering(other, Good);
        Assert.Equal(ModbusTransactionState.Completed, rig.RunToEnd());
        Assert.Equal(1, rig.Master.Counters.WrongSlaveAddress);
        Assert.Equal(2, rig.Master.Attempts);
    }

    [Fact]
    public void AnswerWithTheWrongFunctionCodeIsCounted()
    {
        byte[] holding = Frames.ReadResponse(1, 3, 0x1234, 0x5678);
        var rig = RigAnswering(holding, holding, holding);
        Assert.Equal(ModbusTransactionState.Failed, rig.RunToEnd());
        Assert.Equal(ModbusError.WrongFunctionCode, rig.Master.LastError);
        Assert.Equal(3, rig.Master.Counters.WrongFunctionCode);
    }

    [Fact]
    public void AnswerWithTheWrongByteCountIsCounted()
    {
        // Three registers where two were asked for, CRC correct: the slave misunderstood.
        byte[] tooMany = Frames.ReadResponse(1, 4, 1, 2, 3);
        // Byte count field says 4 but only one register follows: well-formed CRC, inconsistent length.
        byte[] lying = Frames.WithCrc(1, 4, 4, 0x12, 0x34);
        var rig = RigAnswering(tooMany, lying, Good);
        Assert.Equal(ModbusTransactionState.Completed, rig.RunToEnd());
        Assert.Equal(2, rig.Master.Counters.WrongByteCount);
    }

    [Fact]
    public void SilenceTimesOutAfter200MsPerAttemptAndFailsAfterTwoRetries()
    {
        var rig = new MasterRig();
        long startMs = rig.Clock.NowMs;
        rig.Master.BeginReadInputRegisters(1, 0, 2);
        Assert.Equal(ModbusTransactionState.Failed, rig.RunToEnd());
        long elapsedMs = rig.Clock.NowMs - startMs;

        Assert.Equal(ModbusError.Timeout, rig.Master.LastError);
        Assert.Equal(3, rig.Master.Counters.Timeouts);
        Assert.Equal(3, rig.Slave.Requests.Count);
        Assert.InRange(elapsedMs, 3 * 200, 3 * 200 + 60);
    }

    [Fact]
    public void ConfiguredTimeoutAndRetriesAreHonoured()
    {
        var rig = new MasterRig();
        rig.Master.ResponseTimeoutMs = 50;
        rig.Master.Retries = 0;
        long startMs = rig.Clock.NowMs;
        rig.Master.BeginReadInputRegisters(1, 0, 2);
        Assert.Equal(ModbusTransactionState.Failed, rig.RunToEnd());
        Assert.Single(rig.Slave.Requests);
        Assert.InRange(rig.Clock.NowMs - startMs, 50, 70);
    }

    [Fact]
    public void ContinuousNoiseStreamIsCountedAndNeverMistakenForAnAnswer()
    {
        var rig = new MasterRig();
        var random = new SeededRandom(7);
        var noise = new byte[64];
        rig.Master.BeginReadInputRegisters(1, 0, 2);
        ModbusTransactionState state = ModbusTransactionState.Busy;
        for (int ms = 0; ms < 5000 && state == ModbusTransactionState.Busy; ms++)
        {
            // About 9 characters per millisecond at 9600 baud never fit, so keep the receiver saturated.
            if (rig.Pair.A.BytesAvailable < 16)
            {
                random.NextBytes(noise);
                rig.Pair.A.InjectNoise(noise, 0, 4);
            }

            state = rig.Master.Tick(rig.Clock.NowMs);
            rig.Clock.Advance(1);
        }

        Assert.Equal(ModbusTransactionState.Failed, state);
        Assert.Equal(ModbusError.Noise, rig.Master.LastError);
        Assert.True(rig.Master.Counters.NoiseFrames + rig.Master.Counters.NoiseBytesDiscarded > 0);
    }

    [Fact]
    public void LeadingNoiseBeforeAGoodFrameIsSkippedByResynchronisation()
    {
        byte[] noisy = Frames.Concat(new byte[] { 0xFF, 0x00, 0x13 }, Good);
        var rig = RigAnswering(noisy);
        Assert.Equal(ModbusTransactionState.Completed, rig.RunToEnd());
        Assert.Equal(1, rig.Master.Attempts);
        Assert.Equal(3, rig.Master.Counters.NoiseBytesDiscarded);
        Assert.Equal(0x1234, rig.Master.GetRegister(0));
    }

    [Fact]
    public void TrailingNoiseAfterAGoodFrameIsDiscarded()
    {
        var rig = new MasterRig();
        rig.Master.BeginReadInputRegisters(1, 0, 2);
        rig.Slave.Answer(Frames.Concat(Good, new byte[] { 0x00, 0x01 }));
        Assert.Equal(ModbusTransactionState.Completed, rig.RunToEnd());
        Assert.Equal(0x5678, rig.Master.GetRegister(1));
    }

    [Fact]
    public void LateAnswerToATimedOutAttemptIsNotTakenForTheNextAnswer()
    {
        var rig = new MasterRig();
        rig.Master.ResponseTimeoutMs = 50;
        rig.Master.BeginReadInputRegisters(1, 0, 2);
        // First attempt: silence; after it timed out, a stale frame for another register arrives and must be drained.
        rig.Slave.Answer(null);
        rig.Slave.Answer(Good);
        ModbusTransactionState state = ModbusTransactionState.Busy;
        bool injected = false;
        for (int ms = 0; ms < 2000 && state == ModbusTransactionState.Busy; ms++)
        {
            state = rig.Master.Tick(rig.Clock.NowMs);
            if (!injected && rig.Master.Counters.Timeouts == 1)
            {
                byte[] stale = Frames.ReadResponse(1, 4, 0xDEAD, 0xBEEF);
                rig.Pair.A.InjectNoise(stale, 0, stale.Length);
                injected = true;
            }

            rig.Slave.Poll();
            rig.Clock.Advance(1);
        }

        Assert.Equal(ModbusTransactionState.Completed, state);
        Assert.Equal(0x1234, rig.Master.GetRegister(0));
        Assert.True(rig.Master.Counters.NoiseBytesDiscarded >= 9);
    }

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x02)]
    [InlineData(0x03)]
    [InlineData(0x04)]
    [InlineData(0x05)]
    [InlineData(0x06)]
    [InlineData(0x07)]
    [InlineData(0x08)]
    [InlineData(0x0A)]
    [InlineData(0x0B)]
    public void ExceptionResponseBecomesATypedErrorWithItsCodeAndIsNotRetried(byte code)
    {
        var rig = RigAnswering(Frames.Exception(1, 4, code));
        Assert.Equal(ModbusTransactionState.Failed, rig.RunToEnd());
        Assert.Equal(ModbusError.SlaveException, rig.Master.LastError);
        Assert.Equal((ModbusExceptionCode)code, rig.Master.LastExceptionCode);
        Assert.Equal(1, rig.Master.Counters.ExceptionResponses);
        Assert.Single(rig.Slave.Requests);
        Assert.Contains(code.ToString("X2"), ModbusExceptionText.Describe(rig.Master.LastExceptionCode));
    }

    [Fact]
    public void ExceptionFrameWithExtraBytesIsAWrongByteCountNotAnException()
    {
        byte[] longException = Frames.WithCrc(1, 0x84, 0x02, 0x00);
        var rig = RigAnswering(longException, Good);
        Assert.Equal(ModbusTransactionState.Completed, rig.RunToEnd());
        Assert.Equal(1, rig.Master.Counters.WrongByteCount);
        Assert.Equal(0, rig.Master.Counters.ExceptionResponses);
    }

    [Fact]
    public void RandomGarbageAnswersNeverCrashAndAlwaysEndTheTransaction()
    {
        // Seeded so a failure replays: each seed answers with random bytes of random length.
        for (ulong seed = 1; seed <= 300; seed++)
        {
            var random = new SeededRandom(seed);
            var rig = new MasterRig();
            rig.Master.Retries = 1;
            for (int k = 0; k < 2; k++)
            {
                var garbage = new byte[1 + random.Next(40)];
                random.NextBytes(garbage);
                rig.Slave.Answer(garbage);
            }

            rig.Master.BeginReadInputRegisters(1, 0, 2);
            ModbusTransactionState state = rig.RunToEnd();
            Assert.True(state == ModbusTransactionState.Failed || state == ModbusTransactionState.Completed, $"seed {seed}");
            if (state == ModbusTransactionState.Failed && rig.Master.LastError != ModbusError.SlaveException)
            {
                Assert.True(rig.Master.Counters.BadFrames >= 2, $"seed {seed}: failures must be counted");
            }
        }
    }

    [Fact]
    public void LineFaultsInjectedByTheLoopbackAreSurvivedWithRetries()
    {
        // 2 % of bytes corrupted each way: over many polls most succeed, none crash, and bad frames are counted.
        var rig = new MasterRig();
        rig.Pair.B.SetFaults(new SeededRandom(42), 5, 20, 0);
        rig.Slave.DefaultAnswer = Good;
        int completed = 0;
        for (int i = 0; i < 200; i++)
        {
            rig.Master.BeginReadInputRegisters(1, 0, 2);
            if (rig.RunToEnd() == ModbusTransactionState.Completed)
            {
                completed++;
                Assert.Equal(0x1234, rig.Master.GetRegister(0));
                Assert.Equal(0x5678, rig.Master.GetRegister(1));
            }
        }

        Assert.True(completed > 190, $"completed {completed}");
        Assert.True(rig.Master.Counters.BadFrames > 0);
        Assert.True(rig.Pair.B.BytesCorrupted > 0);
    }

    [Fact]
    public void SteadyStatePollingAllocatesNothing()
    {
        var rig = new MasterRig();
        rig.Slave.DefaultAnswer = Good;
        var registers = new ushort[2];

        // Warm-up: first calls JIT and fill the scripted slave's collections.
        for (int i = 0; i < 20; i++)
        {
            rig.Master.BeginReadInputRegisters(1, 0, 2);
            rig.RunToEnd();
        }

        long total = 0;
        for (int i = 0; i < 50; i++)
        {
            rig.Master.BeginReadInputRegisters(1, 0, 2);
            // Tick the master alone and measure only its calls; the scripted slave is test scaffolding.
            for (int ms = 0; ms < 200; ms++)
            {
                long before = System.GC.GetAllocatedBytesForCurrentThread();
                ModbusTransactionState state = rig.Master.Tick(rig.Clock.NowMs);
                if (state == ModbusTransactionState.Completed)
                {
                    rig.Master.CopyRegisters(registers, 0);
                }

                total += System.GC.GetAllocatedBytesForCurrentThread() - before;
                if (state != ModbusTransactionState.Busy)
                {
                    break;
                }

                rig.Slave.Poll();
                rig.Clock.Advance(1);
            }
        }

        Assert.Equal(0, total);
        Assert.Equal(0x5678, registers[1]);
    }
}
