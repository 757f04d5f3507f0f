using Charger.Ota.Boot;

namespace Charger.OtaProof.App
{
    /// <summary>
    /// The application of the on-target boot proof: loaded from a slot with Assembly.Load by the
    /// boot sequence, it prints the version the boot handed it and confirms itself.
    /// </summary>
    public sealed class ProofApplication : IFirmwareApplication
    {
        public void Start(IBootContext context)
        {
            System.Console.WriteLine("ota-proof: app started: " + Charger.OtaProof.Lib.VersionBanner.For(context.FirmwareVersion, context.SlotName)
                + (context.IsTrial ? " on trial" : " confirmed") + ", loaded from " + typeof(ProofApplication).Assembly.FullName);
            context.ConfirmSelfTestPassed();
        }
    }
}
