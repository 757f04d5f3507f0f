namespace Charger.Ocpp.DeviceModel
{
    /// <summary>OCPP 2.0.1 AttributeEnumType; the numbers index a variable's attribute slots.</summary>
    public enum AttributeType
    {
        Actual = 0,
        Target = 1,
        MinSet = 2,
        MaxSet = 3,
    }
}
