using Charger.Ota.Boot;

namespace Charger.OtaProof.App
{
    /// <summary>The broken image of the proof: throws on start, so the boot sequence must roll it back.</summary>
    public sealed class ThrowingApplication : IFirmwareApplication
    {
        public void Start(IBootContext context)
        {
            System.Console.WriteLine("ota-proof: app started: version " + context.FirmwareVersion + ", about to throw");
            throw new System.InvalidOperationException("broken image " + context.FirmwareVersion);
        }
    }
}
