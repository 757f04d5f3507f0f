using Charger.Firmware.Charging;
using Charger.Firmware.Contactors;
using Charger.Firmware.Safety;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Pilot;

namespace Charger.Firmware.Tests.ChargeControl;

public class ContactorTests
{
    [Fact]
    public void AuxiliaryContactConfirmingInTimeRaisesNothing()
    {
        var coil = new SimDigitalOutput();
        var aux = new SimDigitalInput(false);
        var contactor = new Contactor(coil, aux, true, 250);
        contactor.Command(true, 0);
        aux.Level = true;
        contactor.Evaluate(240);
        Assert.False(contactor.StuckOpenDetected);
        contactor.Evaluate(5000);
        Assert.False(contactor.StuckOpenDetected);
        Assert.True(contactor.FeedbackClosed);
        Assert.Equal(1, contactor.CloseCount);
    }

    [Fact]
    public void NoCloseConfirmationWithin250MsIsStuckOpen()
    {
        var coil = new SimDigitalOutput();
        var aux = new SimDigitalInput(false);
        var contactor = new Contactor(coil, aux, true, 250);
        contactor.Command(true, 1000);
        contactor.Evaluate(1250);
        Assert.False(contactor.StuckOpenDetected);
        contactor.Evaluate(1260);
        Assert.True(contactor.StuckOpenDetected);
        Assert.False(contactor.WeldedDetected);
    }

    [Fact]
    public void StillClosed250MsAfterOpeningIsWelded()
    {
        var coil = new SimDigitalOutput();
        var aux = new SimDigitalInput(false);
        var contactor = new Contactor(coil, aux, true, 250);
        contactor.Command(true, 0);
        aux.Level = true;
        contactor.Evaluate(100);
        contactor.Command(false, 1000);
        contactor.Evaluate(1250);
        Assert.False(contactor.WeldedDetected);
        contactor.Evaluate(1260);
        Assert.True(contactor.WeldedDetected);
    }

    [Fact]
    public void CoilIsWrittenOnlyWhenTheCommandChangesAndFeedbackPolarityIsConfigurable()
    {
        var coil = new SimDigitalOutput();
        var aux = new SimDigitalInput(true);
        var contactor = new Contactor(coil, aux, false, 250);
        int writesAtStart = coil.WriteCount;
        contactor.Command(false, 0);
        contactor.Command(true, 10);
        contactor.Command(true, 20);
        Assert.Equal(writesAtStart + 1, coil.WriteCount);
        Assert.False(contactor.FeedbackClosed);
        aux.Level = false;
        Assert.True(contactor.FeedbackClosed);
    }

    [Fact]
    public void StuckOpenContactorRaisesAFaultAndRetriesAutomatically()
    {
        var rig = new ChargerRig();
        rig.ContactorModel.StuckOpen = true;
        rig.StartCharging();
        rig.RunMs(300);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.ContactorStuckOpen));
        Assert.False(rig.Coil.State);
        Assert.Contains(rig.Events.Raised, r => r.Code == FaultCode.ContactorStuckOpen && r.Reason.Contains("250 ms"));

        rig.ContactorModel.StuckOpen = false;
        rig.RunMs(60000);
        Assert.False(rig.Controller.IsFaultActive(FaultCode.ContactorStuckOpen));
        Assert.Contains(rig.Events.Cleared, c => c.Code == FaultCode.ContactorStuckOpen && c.How == "auto-retry 1 of 3");
        rig.RunMs(100);
        Assert.True(rig.Coil.State);
    }

    [Fact]
    public void WeldedContactorLatchesFaultReportsItAndIsNeverClearedAutomatically()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        rig.ContactorModel.Welded = true;
        rig.Ev.EvState = EvPilotState.B;
        rig.RunMs(400);
        Assert.True(rig.Controller.Safety.IsLatched(FaultCode.ContactorWelded));
        Assert.Contains(rig.Events.Raised, r => r.Code == FaultCode.ContactorWelded && r.Latched);
        Assert.True(rig.Log.Contains("ContactorWelded"));

        rig.RunMs(60 * 60 * 1000 / 100);
        rig.Ev.EvState = EvPilotState.A;
        rig.RunMs(1000);
        Assert.True(rig.Controller.IsFaultActive(FaultCode.ContactorWelded));
        Assert.Equal(FaultClearResult.ConfirmationRequired, rig.Controller.ClearFault(FaultCode.ContactorWelded, false));
        Assert.Equal(FaultClearResult.ConditionPresent, rig.Controller.ClearFault(FaultCode.ContactorWelded, true));

        rig.ContactorModel.Welded = false;
        rig.RunMs(100);
        Assert.Equal(FaultClearResult.Cleared, rig.Controller.ClearFault(FaultCode.ContactorWelded, true));
        Assert.Equal(0, rig.Controller.ActiveFaultCount);
        Assert.Contains(rig.Events.Cleared, c => c.Code == FaultCode.ContactorWelded && c.How == "manual reset");
    }

    [Fact]
    public void WeldedPolicyCannotBeConfiguredToClearItself()
    {
        var settings = new SafetySettings();
        Assert.Throws<System.ArgumentException>(() =>
            settings.SetPolicy(FaultCode.ContactorWelded, new FaultPolicy(LatchPolicy.SelfClearing, 0, 0, "oops")));
    }

    [Fact]
    public void ContactorWithoutFeedbackNeverReportsFeedbackFaults()
    {
        var coil = new SimDigitalOutput();
        var contactor = new Contactor(coil, null, true, 250);
        contactor.Command(true, 0);
        contactor.Evaluate(10000);
        Assert.False(contactor.HasFeedback);
        Assert.True(contactor.FeedbackClosed);
        Assert.False(contactor.StuckOpenDetected);
    }

    [Fact]
    public void ClosingIsConfirmedOnTheRigWithinTheConfirmationTime()
    {
        var rig = new ChargerRig();
        rig.StartCharging();
        Assert.Equal(IecState.C2, rig.Controller.State);
        Assert.True(rig.Controller.ContactorCommandedClosed);
        Assert.True(rig.Controller.ContactorFeedbackClosed);
        Assert.Equal(0, rig.Controller.ActiveFaultCount);
    }
}
