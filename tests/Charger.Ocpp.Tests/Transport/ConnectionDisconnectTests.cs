using Charger.Ocpp.Tests.Support;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Tests.Transport;

public class ConnectionDisconnectTests
{
    [Fact]
    public void DisconnectClosesTheSocketFailsTheOutstandingCallAndReconnectsAfterBackOff()
    {
        var h = new StationHarness();
        h.Tick(2);
        Assert.Equal("BootNotification", h.Frames.Next()[2].GetString());
        h.Station.Connection.Disconnect(h.Now, "security profile changed");
        Assert.Equal(1, h.Socket.Server.ClientCloses);
        Assert.Equal(ConnectionState.WaitingToConnect, h.Station.Connection.State);
        Assert.True(h.Log.Contains("security profile changed"));
        Assert.True(h.Log.Contains("lost with the connection"));
        h.Run(41_000);
        Assert.Equal(2, h.Socket.Server.OpenRequests);
        Assert.Equal(ConnectionState.Connected, h.Station.Connection.State);
    }
}
