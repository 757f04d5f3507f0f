namespace Charger.Device.Boards
{
    /// <summary>
    /// Which board this image is for: Charger.Device.nfproj defines BOARD_ESP32 (default) or
    /// BOARD_STM32 from its NfBoard property. Every board file is compiled (and checked by the gate)
    /// in every image; only this choice differs.
    /// </summary>
    public static class BoardSelection
    {
        public static IBoard Create()
        {
#if BOARD_STM32
            return new Stm32F769DiscoveryBoard();
#else
            return new Esp32DevKitCBoard();
#endif
        }
    }
}
