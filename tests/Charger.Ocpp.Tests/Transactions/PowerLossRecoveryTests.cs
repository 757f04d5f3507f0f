using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Tests.Transactions;

public class PowerLossRecoveryTests
{
    private static OpenTransaction Tx(int nextSeqNo = 3, long energyWh = 12_345) => new()
    {
        TransactionId = "T9-00000000", EvseId = 1, ConnectorId = 1, NextSeqNo = nextSeqNo, LastEnergyWh = energyWh,
    };

    [Fact]
    public void EndsWithPowerLossAndTheLastKnownEnergyByDefault()
    {
        var d = PowerLossRecovery.Decide(Tx(), new PowerLossConfig(), evStillConnected: true, outageMs: 1_000);
        Assert.Equal(RecoveryAction.EndWithPowerLoss, d.Action);
        Assert.Equal("PowerLoss", d.StoppedReason);
        Assert.Equal(12_345, d.EnergyWh);
        Assert.Equal(3, d.NextSeqNo);
        Assert.False(d.NeedsStartedEvent);
    }

    [Fact]
    public void ResumesWhenConfiguredAndTheEvIsStillThere()
    {
        var d = PowerLossRecovery.Decide(Tx(), new PowerLossConfig { ResumeAfterPowerLoss = true }, true, 1_000);
        Assert.Equal(RecoveryAction.Resume, d.Action);
        Assert.Null(d.StoppedReason);
        Assert.Equal(3, d.NextSeqNo);
    }

    [Fact]
    public void EndsWhenTheEvLeftDuringTheOutage()
    {
        var d = PowerLossRecovery.Decide(Tx(), new PowerLossConfig { ResumeAfterPowerLoss = true }, false, 1_000);
        Assert.Equal(RecoveryAction.EndWithPowerLoss, d.Action);
        Assert.Contains("EV left", d.Reason);
    }

    [Theory]
    [InlineData(60_000, RecoveryAction.Resume)]
    [InlineData(60_001, RecoveryAction.EndWithPowerLoss)]
    [InlineData(-1, RecoveryAction.EndWithPowerLoss)]
    public void EndsWhenTheOutageExceedsTheResumeLimitOrIsUnknown(long outageMs, RecoveryAction expected)
    {
        var config = new PowerLossConfig { ResumeAfterPowerLoss = true, MaxResumeGapMs = 60_000 };
        Assert.Equal(expected, PowerLossRecovery.Decide(Tx(), config, true, outageMs).Action);
    }

    [Fact]
    public void ATransactionNeverAnnouncedNeedsStartedBeforeEndedAndIsNeverResumed()
    {
        var d = PowerLossRecovery.Decide(Tx(nextSeqNo: 0), new PowerLossConfig { ResumeAfterPowerLoss = true }, true, 0);
        Assert.Equal(RecoveryAction.EndWithPowerLoss, d.Action);
        Assert.True(d.NeedsStartedEvent);
        Assert.Equal(0, d.NextSeqNo);
    }
}
