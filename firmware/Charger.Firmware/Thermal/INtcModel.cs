namespace Charger.Firmware.Thermal
{
    /// <summary>Resistance-to-temperature law of one NTC thermistor type (from its datasheet).</summary>
    public interface INtcModel
    {
        double TemperatureCFor(double resistanceOhms);
    }
}
