namespace Charger.Ocpp.DeviceModel
{
    /// <summary>Supplies the current Actual value of a variable that is measured, not stored (ClockCtrlr.DateTime).</summary>
    public delegate string VariableReader(Variable variable);
}
