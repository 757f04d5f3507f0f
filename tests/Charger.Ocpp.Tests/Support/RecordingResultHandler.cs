using System.Collections.Generic;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.Tests.Support;

public sealed class RecordingResultHandler : ICallResultHandler
{
    public List<(OutgoingCall Call, JsonValue Payload)> Results { get; } = new();

    public List<(OutgoingCall Call, string Code, string Description)> Failures { get; } = new();

    public void OnCallResult(OutgoingCall call, JsonValue payload) => Results.Add((call, payload));

    public void OnCallFailed(OutgoingCall call, string errorCode, string description) => Failures.Add((call, errorCode, description));
}
