namespace Charger.Ota.Boot
{
    /// <summary>
    /// Turns checked files into a running application. On the board: <see cref="ReflectionApplicationLoader"/>
    /// (Assembly.Load of each .pe, then the entry type by name). The desktop simulator, which cannot
    /// load .pe files, maps the entry type name to the firmware it links.
    /// </summary>
    public interface IApplicationLoader
    {
        /// <summary>Loads one file of the bundle, in manifest order.</summary>
        void Load(string name, byte[] image);

        /// <summary>Creates the application from the type the manifest names.</summary>
        IFirmwareApplication Create(string entryType);
    }
}
