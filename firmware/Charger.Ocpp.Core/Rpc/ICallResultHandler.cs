using Charger.Ocpp.Json;

namespace Charger.Ocpp.Rpc
{
    /// <summary>Told how a station-initiated CALL ended. Runs inside the tick.</summary>
    public interface ICallResultHandler
    {
        /// <summary>The CSMS answered with a CALLRESULT that passed the response schema.</summary>
        void OnCallResult(OutgoingCall call, JsonValue payload);

        /// <summary>
        /// A CALLERROR from the CSMS, or a local failure (<see cref="RpcErrorCode.LocalTimeout"/>,
        /// <see cref="RpcErrorCode.LocalConnectionLost"/>, <see cref="RpcErrorCode.LocalInvalidResult"/>).
        /// </summary>
        void OnCallFailed(OutgoingCall call, string errorCode, string description);
    }
}
