namespace Charger.Hal.Sim
{
    public delegate void DigitalLevelHandler(bool high);
}
