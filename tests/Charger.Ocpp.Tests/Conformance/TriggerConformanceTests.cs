using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Tests.TxServices;

namespace Charger.Ocpp.Tests.Conformance;

/// <summary>Issue 17 item 7: an Accepted TriggerMessage is always followed by the requested message (F06).</summary>
public class TriggerConformanceTests
{
    [Fact]
    public void TriggeredHeartbeatFollowsEvenWhileTheStationsOwnHeartbeatIsUnanswered_F06_FR_04()
    {
        var h = new TxHarness();
        h.Boot();
        h.Set(CoreVariables.OcppCommCtrlr, "HeartbeatInterval", "5");
        int answered = 0;
        h.Responder = (action, payload) =>
        {
            if (action != "Heartbeat")
            {
                return h.DefaultAnswer(action, payload);
            }

            // The CSMS never answers the station's own (first) Heartbeat.
            return answered++ == 0 ? null : h.DefaultAnswer(action, payload);
        };

        h.Run(6_000);
        Assert.Equal(1, h.CallCount("Heartbeat"));
        h.Set(CoreVariables.OcppCommCtrlr, "HeartbeatInterval", "3600");

        var trigger = h.Request("TriggerMessage", "{\"requestedMessage\":\"Heartbeat\"}");
        Assert.Equal("Accepted", trigger.GetProperty("status").GetString());

        // The unanswered Heartbeat times out (MessageTimeout); the triggered one follows, well
        // before the next scheduled one would.
        h.Run(45_000);
        Assert.True(h.CallCount("Heartbeat") >= 2, "no Heartbeat followed the Accepted trigger");
    }
}
