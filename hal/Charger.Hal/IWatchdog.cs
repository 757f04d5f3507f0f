namespace Charger.Hal
{
    /// <summary>A hardware watchdog: the runtime feeds it once per healthy tick.</summary>
    public interface IWatchdog
    {
        void Start(int timeoutMs);

        void Feed();
    }
}
