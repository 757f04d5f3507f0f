namespace Charger.Firmware.Thermal
{
    public enum SensorStatus
    {
        Ok = 0,

        /// <summary>Reading at the top rail: the NTC or its wiring is open.</summary>
        Open = 1,

        /// <summary>Reading at the bottom rail: the NTC or its wiring is shorted.</summary>
        Short = 2,
    }
}
