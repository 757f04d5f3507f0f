namespace Charger.Firmware.Pilot
{
    /// <summary>What the proximity pilot (PP) says about the plugged cable.</summary>
    public enum CableStatus
    {
        /// <summary>PP open: no cable in the socket.</summary>
        NoCable = 0,

        /// <summary>A coded cable with a known current rating.</summary>
        Rated = 1,

        /// <summary>PP resistance outside every coding window (broken cable, short): do not charge.</summary>
        Fault = 2,
    }
}
