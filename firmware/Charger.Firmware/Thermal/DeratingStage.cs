namespace Charger.Firmware.Thermal
{
    public enum DeratingStage
    {
        None = 0,
        HalfPower = 1,
        QuarterPower = 2,
        Stop = 3,
    }
}
