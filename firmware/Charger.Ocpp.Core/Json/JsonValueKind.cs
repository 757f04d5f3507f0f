namespace Charger.Ocpp.Json
{
    public enum JsonValueKind
    {
        Null = 0,
        Object,
        Array,
        String,
        Number,
        True,
        False,
    }
}
