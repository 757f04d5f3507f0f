using Charger.Ota.Boot;

namespace Charger.Device
{
    /// <summary>
    /// The entry the boot assembly starts when this image comes from a slot (a bundle's default
    /// <c>entry</c>, tools/BundleTool): the same bring-up as <see cref="Program.Main"/>, reporting the
    /// bundle's version and running the trial self-test.
    /// </summary>
    public sealed class FirmwareApplication : IFirmwareApplication
    {
        public void Start(IBootContext context)
        {
            Program.Run(context);
        }
    }
}
