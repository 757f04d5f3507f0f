using System.Text.Json.Nodes;

namespace Charger.Sim.Models.Csms
{
    /// <summary>A CSMS-initiated request: the action and its payload, ready to be queued as a CALL.</summary>
    public sealed class CsmsRequest
    {
        public CsmsRequest(string action, JsonObject payload)
        {
            Action = action;
            Payload = payload;
        }

        public string Action { get; }

        public JsonObject Payload { get; }

        public override string ToString()
        {
            return Action + " " + Payload.ToJsonString();
        }
    }
}
