namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// A component/variable pair for SetVariables and GetVariables (OCPP 2.0.1 device model),
    /// with the value to set (ignored by GetVariables).
    /// </summary>
    public sealed class CsmsVariable
    {
        public CsmsVariable(string component, string variable, string value)
        {
            Component = component;
            Variable = variable;
            Value = value;
            EvseId = -1;
        }

        public string Component { get; }

        public string Variable { get; }

        public string Value { get; }

        /// <summary>Actual, Target, MinSet or MaxSet; null leaves it out (the station assumes Actual).</summary>
        public string AttributeType { get; set; }

        public string ComponentInstance { get; set; }

        public string VariableInstance { get; set; }

        /// <summary>-1 for a station-level component.</summary>
        public int EvseId { get; set; }
    }
}
