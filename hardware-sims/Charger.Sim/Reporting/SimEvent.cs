namespace Charger.Sim.Reporting;

/// <summary>
/// One thing that happened in a simulated session, for the timeline and the JSON-lines event log:
/// pilot state changes, offered current, contactor commands and feedback, faults, meter readings,
/// OCPP frames in and out, scenario steps and log lines.
/// </summary>
public sealed record SimEvent(long TimeMs, string Kind, string Text, IReadOnlyDictionary<string, object> Fields);

/// <summary>Event kinds as they appear in the "kind" field of the event log.</summary>
public static class SimEventKinds
{
    public const string Pilot = "pilot";
    public const string Offer = "offer";
    public const string ContactorCommand = "contactor.command";
    public const string ContactorFeedback = "contactor.feedback";
    public const string Fault = "fault";
    public const string FaultCleared = "fault.cleared";
    public const string Meter = "meter";
    public const string OcppOut = "ocpp.out";
    public const string OcppIn = "ocpp.in";
    public const string Step = "step";
    public const string Log = "log";
    public const string Expectation = "expect";
    public const string Power = "power";
}
