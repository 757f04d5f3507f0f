namespace Charger.Ota.Boot
{
    /// <summary>
    /// The contract between the boot assembly and an application loaded from a slot: the bundle's
    /// manifest names one public type implementing this with a public constructor without arguments.
    /// Both sides reference Charger.Ota, which is deployed with the boot assembly and never comes
    /// from a bundle, so the interface is the same type on both sides.
    /// </summary>
    public interface IFirmwareApplication
    {
        /// <summary>Runs the application (on the board it does not return). An exception thrown on a trial image rolls it back.</summary>
        void Start(IBootContext context);
    }
}
