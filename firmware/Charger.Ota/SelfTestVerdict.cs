namespace Charger.Ota
{
    public enum SelfTestVerdict
    {
        Pending = 0,
        Passed = 1,
        Failed = 2,
    }
}
