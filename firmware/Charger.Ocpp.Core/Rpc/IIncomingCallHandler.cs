namespace Charger.Ocpp.Rpc
{
    /// <summary>
    /// Answers one CSMS-initiated action. Runs inside the tick after the payload passed its
    /// schema. Writes the response payload object into <see cref="IncomingCall.Response"/>, or
    /// calls <see cref="IncomingCall.Reject"/>.
    /// </summary>
    public interface IIncomingCallHandler
    {
        void Handle(IncomingCall call);
    }
}
