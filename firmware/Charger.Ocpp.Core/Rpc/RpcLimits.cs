namespace Charger.Ocpp.Rpc
{
    /// <summary>Bounds of the RPC layer; every one of them is a counted, logged event when hit.</summary>
    public sealed class RpcLimits
    {
        /// <summary>
        /// Received frames waiting for the tick. Memory: each slot holds one frame string, so the
        /// worst case is InboundQueueFrames x MaxFrameChars (8 x 16 KB = 128 KB of heap with
        /// nanoFramework's UTF-8 strings); real CSMS CALLs are mostly under 1 KB (8 KB for 8). A
        /// CALL that finds the queue full is answered with a CALLERROR, never dropped silently.
        /// </summary>
        public int InboundQueueFrames = 8;

        /// <summary>
        /// Ids of CALLs refused because the inbound queue was full, waiting for their CALLERROR
        /// (at most 36 characters each: 16 ids cost well under 1 KB).
        /// </summary>
        public int BusyReplyIds = 16;

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
