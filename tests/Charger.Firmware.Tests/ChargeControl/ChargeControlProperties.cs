using System;
using System.Linq;
using System.Text;
using Charger.Firmware.Pilot;
using Charger.Firmware.Safety;
using Charger.Firmware.Thermal;
using Charger.Hal.Sim.Pilot;
using FsCheck;
using FsCheck.Fluent;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>
/// FsCheck properties over random sequences of pilot voltages, RCD, e-stop, temperatures, contactor
/// faults, authorization, stops, limits and meter currents. At every tick:
/// the safety invariant (contactor commanded closed ⇒ pilot in C or allowed D, PWM offer active with
/// at least 6 A and authorized — or the bounded normal-stop grace —, no active fault, every
/// temperature readable and below its stop threshold), and every reaction within its limit
/// (open within 30 ms of the first sample showing C left, RCD, e-stop or a missing diode; never in
/// C1 longer than 6 s; -12 V held after a fault; closed within 3 s when everything allows it).
/// </summary>
public class ChargeControlProperties
{
    private const int ReactionLimitMs = 30;
    private const int CloseLimitMs = 3000;
    private const int C1LimitMs = 6000;

    public sealed record Step(
        int Ticks,
        int PilotKind,
        int HighMv,
        int LowMv,
        bool Diode,
        bool Rcd,
        bool EStop,
        double Temperature0C,
        double Temperature1C,
        int SensorFault,
        int ContactorFault,
        bool Authorized,
        bool Stop,
        int ExternalLimitDa,
        double EvCurrentA,
        bool ManualReset,
        bool ConfirmWelded);

    public sealed record Scenario(bool AllowVentilation, Step[] Steps)
    {
        public override string ToString()
        {
            var sb = new StringBuilder($"ventilation={AllowVentilation}\n");
            foreach (Step s in Steps)
            {
                sb.AppendLine(s.ToString());
            }

            return sb.ToString();
        }
    }

    private static readonly EvPilotState[] EvStates = { EvPilotState.A, EvPilotState.B, EvPilotState.C, EvPilotState.D, EvPilotState.E, EvPilotState.F };

    private static Gen<Step> StepGen()
    {
        Gen<int> pilotKind = Gen.Frequency(
            (2, Gen.Constant(0)), (5, Gen.Constant(1)), (10, Gen.Constant(2)), (2, Gen.Constant(3)),
            (1, Gen.Constant(4)), (1, Gen.Constant(5)), (2, Gen.Constant(6)));
        Gen<double> temperature = Gen.Frequency(
            (8, Gen.Choose(150, 640).Select(t => t / 10.0)),
            (3, Gen.Choose(640, 760).Select(t => t / 10.0)));
        Gen<bool> rare = Gen.Frequency((19, Gen.Constant(false)), (1, Gen.Constant(true)));
        Gen<int> externalLimit = Gen.Frequency((6, Gen.Constant(int.MaxValue)), (2, Gen.Choose(0, 400)));

        return from ticks in Gen.Choose(1, 40)
               from kind in pilotKind
               from highMv in Gen.Choose(-14000, 14000)
               // The pilot is a passive network behind the ±12 V generator: whatever is connected, the
               // line never reads higher while the generator is low than while it is high.
               from lowMv in Gen.Frequency((3, Gen.Constant(-12000)), (1, Gen.Choose(-14000, highMv)))
               from diode in Gen.Frequency((15, Gen.Constant(true)), (1, Gen.Constant(false)))
               from rcd in rare
               from estop in rare
               from t0 in temperature
               from t1 in temperature
               from sensorFault in Gen.Frequency((30, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
               from contactorFault in Gen.Frequency((30, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)))
               from authorized in Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false)))
               from stop in rare
               from limit in externalLimit
               from current in Gen.Choose(0, 400).Select(c => c / 10.0)
               from reset in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
               from confirm in Gen.Elements(true, false)
               select new Step(ticks, kind, highMv, lowMv, diode, rcd, estop, t0, t1, sensorFault, contactorFault, authorized,
                   stop, limit, current, reset, confirm);
    }

    private static Arbitrary<Scenario> Scenarios() =>
        (from ventilation in Gen.Elements(true, false)
         from steps in Gen.ArrayOf(StepGen(), 40)
         select new Scenario(ventilation, steps)).ToArbitrary();

    private int _closedTicks;
    private int _reactionsExercised;

    [Fact]
    public void SafetyInvariantAndReactionLimitsHoldAtEveryTick()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(Scenarios(), (Action<Scenario>)Run));

        // The generator must reach the interesting part: charging, and causes arriving while charging.
        Assert.True(_closedTicks > 1000, $"only {_closedTicks} ticks with the contactor closed");
        Assert.True(_reactionsExercised > 20, $"only {_reactionsExercised} causes arrived while closed");
    }

    /// <summary>
    /// Fixed seeds replay the same scenarios on every run (a failing seed from the random run above
    /// belongs here, as FsCheck prints it: "Replay ... with (seed, gamma)").
    /// </summary>
    [Theory]
    [InlineData(1UL, 3UL)]
    [InlineData(0x9E3779B97F4A7C15UL, 0xBF58476D1CE4E5B9UL)]
    [InlineData(17153606299020837040UL, 6010111504291967901UL)]
    public void SafetyInvariantHoldsForRecordedSeeds(ulong seed, ulong gamma)
    {
        var replay = new Replay(new Rnd(seed, gamma), Microsoft.FSharp.Core.FSharpOption<int>.None);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40).WithReplay(replay), Prop.ForAll(Scenarios(), (Action<Scenario>)Run));
    }

    private void Run(Scenario scenario)
    {
        var rig = new ChargerRig(c => c.Charging.AllowVentilation = scenario.AllowVentilation);
        var thresholds = new PilotThresholds();
        var profile = PilotBoardProfile.CreateDefault(4095);
        long leftCSinceMs = -1;
        long rcdSinceMs = -1;
        long estopSinceMs = -1;
        long diodeSinceMs = -1;
        long c1SinceMs = -1;
        long readySinceMs = -1;
        long lastRaiseSeen = 0;
        long lastRaiseMs = long.MinValue / 2;
        int diodeCheckRun = 0;
        int tickIndex = 0;
        var trace = new System.Collections.Generic.Queue<string>();

        foreach (Step step in scenario.Steps)
        {
            ApplyStep(rig, step);
            for (int t = 0; t < step.Ticks; t++, tickIndex++)
            {
                // What the next burst will see, through the same ADC quantisation as the firmware.
                bool pwmRunningBefore = rig.Pwm.IsRunning && rig.Pwm.DutyCycle > 0.0 && rig.Pwm.DutyCycle < 1.0;
                PilotLevel truth = thresholds.Classify(profile.ToPilotMv(rig.Ev.CountsFor(rig.Ev.PilotMv(true))));
                PilotLevel truthLow = thresholds.Classify(profile.ToPilotMv(rig.Ev.CountsFor(rig.Ev.PilotMv(false))));
                bool closedBefore = rig.Controller.ContactorCommandedClosed;
                rig.Tick();
                long now = rig.NowMs;
                var c = rig.Controller;
                trace.Enqueue($"{now}: truth {truth}/{truthLow} raw {c.Pilot.RawLevel} ({c.Pilot.HighPlateauMv}/{c.Pilot.LowPlateauMv} mV) level {c.PilotLevel} "
                    + $"state {c.State} duty {c.DutyPermille} closed {c.ContactorCommandedClosed} faults {c.ActiveFaultCount} stopping {c.StateMachine.Stopping}");
                if (trace.Count > 20)
                {
                    trace.Dequeue();
                }

                try
                {

                bool chargingLevel = truth == PilotLevel.C || (truth == PilotLevel.D && scenario.AllowVentilation);
                leftCSinceMs = Since(!chargingLevel, leftCSinceMs, now);
                rcdSinceMs = Since(rig.Rcd.Level, rcdSinceMs, now);
                estopSinceMs = Since(rig.EmergencyStop.Level, estopSinceMs, now);
                bool evPresent = truth == PilotLevel.B || truth == PilotLevel.C || truth == PilotLevel.D;
                diodeSinceMs = Since(pwmRunningBefore && evPresent && truthLow != PilotLevel.F, diodeSinceMs, now);

                // Issue 12 item 1: the diode-check clock starts with the PWM. A close is allowed only after two
                // consecutive bursts taken with the PWM running, the EV in C (or D) and the low half at -12 V.
                bool diodeSeen = pwmRunningBefore && (truth == PilotLevel.C || truth == PilotLevel.D) && truthLow == PilotLevel.F;
                diodeCheckRun = diodeSeen ? diodeCheckRun + 1 : 0;

                if (closedBefore)
                {
                    _closedTicks++;
                    if (leftCSinceMs == now || rcdSinceMs == now || estopSinceMs == now || diodeSinceMs == now)
                    {
                        _reactionsExercised++;
                    }
                }

                string where = $"tick {tickIndex} at {now} ms, step {Array.IndexOf(scenario.Steps, step)}";
                if (!closedBefore && c.ContactorCommandedClosed)
                {
                    Assert.True(diodeCheckRun >= 2, $"{where}: closed after only {diodeCheckRun} ticks of diode check with the PWM running");
                }

                if (c.ContactorCommandedClosed)
                {
                    // The invariant.
                    Assert.True(c.PilotLevel == PilotLevel.C || (c.PilotLevel == PilotLevel.D && scenario.AllowVentilation),
                        $"{where}: closed with pilot {c.PilotLevel}");
                    Assert.True(c.ActiveFaultCount == 0, $"{where}: closed with an active fault");
                    for (int i = 0; i < c.TemperatureSensorCount; i++)
                    {
                        Assert.True(c.GetTemperatureStatus(i) == SensorStatus.Ok, $"{where}: closed with sensor {i} {c.GetTemperatureStatus(i)}");
                        Assert.True(c.GetTemperatureC(i) < c.Thermal.GetStopC(i), $"{where}: closed at {c.GetTemperatureC(i):F1} °C");
                    }

                    bool offering = c.PwmOfferActive && c.OfferDa >= 60 && c.Authorized;
                    bool stopGrace = c.StateMachine.Stopping && now - c.StateMachine.StopStartedMs < c.Config.Charging.StopGraceMs;
                    Assert.True(offering || stopGrace, $"{where}: closed without an offer (pwm {c.DutyPermille} ‰, offer {c.OfferDa} dA, authorized {c.Authorized})");

                    // The reactions.
                    AssertWithin(leftCSinceMs, now, ReactionLimitMs, $"{where}: pilot left C");
                    AssertWithin(rcdSinceMs, now, ReactionLimitMs, $"{where}: RCD");
                    AssertWithin(estopSinceMs, now, ReactionLimitMs, $"{where}: e-stop");
                    AssertWithin(diodeSinceMs, now, ReactionLimitMs, $"{where}: diode missing");
                }

                c1SinceMs = Since(c.ContactorCommandedClosed && !c.PwmOfferActive, c1SinceMs, now);
                AssertWithin(c1SinceMs, now, C1LimitMs, $"{where}: C1 with power on");

                if (rig.Events.Raised.Count > lastRaiseSeen)
                {
                    lastRaiseSeen = rig.Events.Raised.Count;
                    lastRaiseMs = rig.Events.Raised[^1].AtMs;
                }

                if (now - lastRaiseMs < c.Config.Safety.FaultHoldMs)
                {
                    Assert.True(rig.Pwm.DutyCycle == 0.0, $"{where}: pilot not held at -12 V after a fault");
                }

                bool ready = truth == PilotLevel.C && c.PilotLevel == PilotLevel.C && c.ActiveFaultCount == 0
                    && !c.Safety.FaultHoldActive(now) && c.Authorized && !c.StateMachine.StopRequested && c.Offer.TargetDa >= 60;
                readySinceMs = Since(ready, readySinceMs, now);
                if (readySinceMs >= 0 && now - readySinceMs >= CloseLimitMs)
                {
                    Assert.True(c.ContactorCommandedClosed, $"{where}: ready for {now - readySinceMs} ms but not closed");
                }
                }
                catch (Xunit.Sdk.XunitException e)
                {
                    throw new Xunit.Sdk.XunitException(e.Message + "\nlast ticks:\n" + string.Join("\n", trace));
                }
            }
        }
    }

    private static void ApplyStep(ChargerRig rig, Step step)
    {
        if (step.PilotKind < 6)
        {
            rig.Ev.ClearPilotVoltage();
            rig.Ev.EvState = EvStates[step.PilotKind];
        }
        else
        {
            rig.Ev.SetPilotVoltage(step.HighMv, step.LowMv);
        }

        rig.Ev.DiodePresent = step.Diode;
        rig.Rcd.Level = step.Rcd;
        rig.EmergencyStop.Level = step.EStop;
        rig.SetTemperature(0, step.Temperature0C);
        rig.SetTemperature(1, step.Temperature1C);
        if (step.SensorFault == 1)
        {
            rig.Thermistors[0].Value = 4095;
        }
        else if (step.SensorFault == 2)
        {
            rig.Thermistors[1].Value = 0;
        }

        rig.ContactorModel.Welded = step.ContactorFault == 1;
        rig.ContactorModel.StuckOpen = step.ContactorFault == 2;
        if (step.Authorized != rig.Controller.Authorized)
        {
            rig.Controller.SetAuthorized(step.Authorized);
        }

        if (step.Stop)
        {
            rig.Controller.RequestStop();
        }

        if (step.ExternalLimitDa == int.MaxValue)
        {
            rig.Controller.ClearExternalLimit();
        }
        else
        {
            rig.Controller.SetExternalLimitA(step.ExternalLimitDa / 10.0);
        }

        rig.EvCurrentA = step.EvCurrentA;
        if (step.ManualReset)
        {
            rig.Controller.ClearAllFaults(step.ConfirmWelded);
        }
    }

    private static long Since(bool present, long sinceMs, long nowMs) => present ? (sinceMs < 0 ? nowMs : sinceMs) : -1;

    private static void AssertWithin(long sinceMs, long nowMs, int limitMs, string what)
    {
        if (sinceMs >= 0)
        {
            Assert.True(nowMs - sinceMs < limitMs, $"{what}: still closed {nowMs - sinceMs} ms after the first sample (limit {limitMs} ms)");
        }
    }
}
