namespace Charger.Ocpp.DeviceModel
{
    /// <summary>A variable's attribute changed through SetVariables or the station itself.</summary>
    public delegate void VariableChangedHandler(Variable variable, AttributeType attribute);
}
