namespace Charger.Ota.Slots
{
    /// <summary>Names for <see cref="SlotImageState"/> (enums print as numbers on nanoFramework 1.x).</summary>
    public static class SlotImageStateText
    {
        public static string Of(SlotImageState state)
        {
            return state switch
            {
                SlotImageState.Empty => "Empty",
                SlotImageState.Writing => "Writing",
                SlotImageState.Ready => "Ready",
                SlotImageState.Failed => "Failed",
                _ => "?" + (int)state,
            };
        }
    }
}
