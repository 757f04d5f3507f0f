namespace Charger.Hal.Sim.Network
{
    /// <summary>One request body the <see cref="SimHttpServer"/> received in full.</summary>
    public sealed class SimHttpUpload
    {
        public string Url;
        public string Method;
        public string ContentType;
        public byte[] Body;
    }
}
