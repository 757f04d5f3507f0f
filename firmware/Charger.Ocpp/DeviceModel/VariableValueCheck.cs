namespace Charger.Ocpp.DeviceModel
{
    /// <summary>A rule beyond the variable's characteristics: why <paramref name="value"/> is refused (a reasonCode), or null.</summary>
    public delegate string VariableValueCheck(Variable variable, string value);
}
