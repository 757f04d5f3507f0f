namespace Charger.Firmware.Thermal
{
    public enum SensorStatus
    {
        Ok = 0,

        /// <summary>Reading at the top rail: the NTC or its wiring is open.</summary>
        Open = 1,

        /// <summary>Reading at the bottom rail: the NTC or its wiring is shorted.</summary>
        Short = 2,

        /// <summary>Between the rails but outside -40..+150 °C: no real connector or cable reads that (issue 12 item 9).</summary>
        Implausible = 3,
    }
}
