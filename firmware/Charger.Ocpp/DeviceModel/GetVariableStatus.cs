namespace Charger.Ocpp.DeviceModel
{
    /// <summary>OCPP 2.0.1 GetVariableStatusEnumType.</summary>
    public enum GetVariableStatus
    {
        Accepted = 0,
        Rejected,
        UnknownComponent,
        UnknownVariable,
        NotSupportedAttributeType,
    }
}
