namespace Charger.Hal
{
    public enum WebSocketState
    {
        Closed = 0,
        Connecting = 1,
        Open = 2,
        Closing = 3,
    }
}
