namespace Charger.Ota.Tests;

public class SelfTestPolicyTests
{
    [Fact]
    public void PassesAfterChargeControlWasHealthyForTheSetTimeWithRegistrationAccepted()
    {
        var policy = new SelfTestPolicy(10000, 60000, 120000);
        Assert.Equal(SelfTestVerdict.Pending, policy.Update(0, true, true, true));
        Assert.Equal(SelfTestVerdict.Pending, policy.Update(9990, true, true, true));
        Assert.Equal(SelfTestVerdict.Passed, policy.Update(10000, true, true, true));
    }

    [Fact]
    public void AnUnhealthyTickRestartsTheHealthyTime()
    {
        var policy = new SelfTestPolicy(10000, 60000, 120000);
        policy.Update(0, true, true, true);
        policy.Update(8000, false, true, true);
        Assert.Equal(SelfTestVerdict.Pending, policy.Update(12000, true, true, true));
        Assert.Equal(SelfTestVerdict.Pending, policy.Update(21990, true, true, true));
        Assert.Equal(SelfTestVerdict.Passed, policy.Update(22000, true, true, true));
    }

    [Fact]
    public void OnlineWithoutAcceptedRegistrationNeverPassesAndFailsAtTheDeadline()
    {
        var policy = new SelfTestPolicy(10000, 60000, 120000);
        for (long t = 0; t < 120000; t += 1000)
        {
            Assert.Equal(SelfTestVerdict.Pending, policy.Update(t, true, false, true));
        }

        Assert.Equal(SelfTestVerdict.Failed, policy.Update(120000, true, false, true));
        Assert.Equal(SelfTestVerdict.Failed, policy.Update(130000, true, true, true)); // latched
    }

    [Fact]
    public void OfflineForTheSetTimeWithHealthyChargeControlPasses()
    {
        var policy = new SelfTestPolicy(10000, 60000, 120000);
        Assert.Equal(SelfTestVerdict.Pending, policy.Update(0, true, false, false));
        Assert.Equal(SelfTestVerdict.Pending, policy.Update(30000, true, false, true)); // a moment online restarts the offline time
        Assert.Equal(SelfTestVerdict.Pending, policy.Update(31000, true, false, false));
        Assert.Equal(SelfTestVerdict.Pending, policy.Update(90990, true, false, false));
        Assert.Equal(SelfTestVerdict.Passed, policy.Update(91000, true, false, false));
    }

    [Fact]
    public void ChargeControlThatNeverStaysHealthyFails()
    {
        var policy = new SelfTestPolicy(10000, 60000, 120000);
        for (long t = 0; t < 120000; t += 5000)
        {
            Assert.Equal(SelfTestVerdict.Pending, policy.Update(t, t % 10000 != 0, true, true));
        }

        Assert.Equal(SelfTestVerdict.Failed, policy.Update(120000, true, true, true));
    }

    [Theory]
    [InlineData(999, 60000, 120000)]
    [InlineData(10000, 9999, 120000)]
    [InlineData(10000, 60000, 60000)]
    public void SettingsOutsideTheirBoundsAreRefused(int healthy, int offline, int deadline)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SelfTestPolicy(healthy, offline, deadline));
    }
}
