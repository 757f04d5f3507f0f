using System.Collections.Generic;
using Charger.Firmware.Charging;
using Charger.Firmware.Safety;

namespace Charger.Firmware.Tests.ChargeControl;

/// <summary>An event subscriber as the OCPP or console layer would be, recording what it was told.</summary>
internal sealed class RecordingEvents : IChargerEvents
{
    public List<(FaultCode Code, string Reason, bool Latched, long AtMs)> Raised { get; } = new();
    public List<(FaultCode Code, string How, long AtMs)> Cleared { get; } = new();
    public List<(IecState From, IecState To, long AtMs)> States { get; } = new();

    public void FaultRaised(FaultCode code, string reason, bool latched, long nowMs) => Raised.Add((code, reason, latched, nowMs));

    public void FaultCleared(FaultCode code, string how, long nowMs) => Cleared.Add((code, how, nowMs));

    public void StateChanged(IecState previous, IecState current, long nowMs) => States.Add((previous, current, nowMs));
}
