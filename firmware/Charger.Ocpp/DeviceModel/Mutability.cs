namespace Charger.Ocpp.DeviceModel
{
    /// <summary>OCPP 2.0.1 MutabilityEnumType.</summary>
    public enum Mutability
    {
        ReadOnly = 0,
        WriteOnly = 1,
        ReadWrite = 2,
    }
}
