namespace Charger.Ota.Slots
{
    /// <summary>What a slot holds, as the slot-state record says.</summary>
    public enum SlotImageState
    {
        /// <summary>Nothing, or nothing usable.</summary>
        Empty = 0,

        /// <summary>An image is being written: never booted until marked Ready.</summary>
        Writing = 1,

        /// <summary>A complete image whose bundle passed every check when it was installed.</summary>
        Ready = 2,

        /// <summary>An image that was rolled back: never booted again.</summary>
        Failed = 3,
    }
}
