namespace Charger.Ocpp.Rpc
{
    /// <summary>Bounds of the RPC layer; every one of them is a counted, logged event when hit.</summary>
    public sealed class RpcLimits
    {
        /// <summary>Received frames waiting for the tick.</summary>
        public int InboundQueueFrames = 8;

        /// <summary>Station-initiated CALLs waiting to be sent.</summary>
        public int OutgoingQueueCalls = 16;

        /// <summary>Largest frame accepted, in characters (the transport refuses longer ones in bytes first).</summary>
        public int MaxFrameChars = 16384;

        /// <summary>Deepest JSON nesting accepted; the deepest 2.0.1 message (SetChargingProfile) needs 8.</summary>
        public int MaxJsonDepth = 16;

        /// <summary>Received frames handled per <see cref="RpcEndpoint.Pump"/> call, so a burst cannot stall the tick.</summary>
        public int FramesPerPump = 2;
    }
}
