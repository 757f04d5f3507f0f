namespace Charger.Firmware.Thermal
{
    /// <summary>
    /// One NTC sensor as the board wires it: the NTC from the ADC input to ground, a series resistor
    /// from the input to the ADC reference, and the derating stages of the part it guards.
    /// </summary>
    public sealed class ThermistorSettings
    {
        /// <summary>Derating defaults from the charge-control specification (issue 3): 65, 68, 71 °C, release 3 °C lower.</summary>
        public const double DefaultHalfPowerC = 65.0;
        public const double DefaultQuarterPowerC = 68.0;
        public const double DefaultStopC = 71.0;
        public const double DefaultHysteresisC = 3.0;

        /// <summary>1 % of full scale from either rail counts as open or shorted.</summary>
        public const int DefaultRailMarginPermille = 10;

        public ThermistorSettings(string name)
        {
            Name = name;
        }

        public string Name { get; set; }

        public int SeriesOhms { get; set; } = 10000;

        public INtcModel Model { get; set; } = new BetaNtcModel();

        public int RailMarginPermille { get; set; } = DefaultRailMarginPermille;

        public double HalfPowerC { get; set; } = DefaultHalfPowerC;

        public double QuarterPowerC { get; set; } = DefaultQuarterPowerC;

        public double StopC { get; set; } = DefaultStopC;

        public double HysteresisC { get; set; } = DefaultHysteresisC;
    }
}
