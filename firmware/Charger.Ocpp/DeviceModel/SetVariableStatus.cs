namespace Charger.Ocpp.DeviceModel
{
    /// <summary>OCPP 2.0.1 SetVariableStatusEnumType.</summary>
    public enum SetVariableStatus
    {
        Accepted = 0,
        Rejected,
        UnknownComponent,
        UnknownVariable,
        NotSupportedAttributeType,
        RebootRequired,
    }
}
