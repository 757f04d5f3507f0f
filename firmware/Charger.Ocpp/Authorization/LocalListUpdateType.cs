namespace Charger.Ocpp.Authorization
{
    /// <summary>UpdateEnumType of SendLocalListRequest.</summary>
    public enum LocalListUpdateType
    {
        Differential = 0,
        Full = 1,
    }
}
