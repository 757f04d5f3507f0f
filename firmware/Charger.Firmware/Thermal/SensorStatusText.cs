namespace Charger.Firmware.Thermal
{
    /// <summary>Sensor states as text. An explicit table: on nanoFramework 1.x an enum turns into its number.</summary>
    public static class SensorStatusText
    {
        public static string Describe(SensorStatus status)
        {
            switch (status)
            {
                case SensorStatus.Ok:
                    return "ok";
                case SensorStatus.Open:
                    return "open circuit";
                case SensorStatus.Short:
                    return "short circuit";
                case SensorStatus.Implausible:
                    return "implausible reading (outside -40..150 C)";
                default:
                    return "status " + ((int)status).ToString();
            }
        }
    }
}
