namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction
    {
        SPI1_MOSI = 0x00010000 + 0x100 + 0,
        SPI1_MISO = 0x00010000 + 0x100 + 1,
        SPI1_CLOCK = 0x00010000 + 0x100 + 2,
        I2C1_DATA = 0x00020000 + 0x100 + 0,
        I2C1_CLOCK = 0x00020000 + 0x100 + 1,
        COM1_TX = 0x00030000 + 0x100 + 0,
        COM1_RX = 0x00030000 + 0x100 + 1,
        COM1_RTS = 0x00030000 + 0x100 + 2,
        COM1_CTS = 0x00030000 + 0x100 + 3,
        COM2_TX = 0x00030000 + 0x200 + 0,
        COM2_RX = 0x00030000 + 0x200 + 1,
        COM2_RTS = 0x00030000 + 0x200 + 2,
        COM2_CTS = 0x00030000 + 0x200 + 3,
        COM3_TX = 0x00030000 + 0x300 + 0,
        COM3_RX = 0x00030000 + 0x300 + 1,
        COM3_RTS = 0x00030000 + 0x300 + 2,
        COM3_CTS = 0x00030000 + 0x300 + 3,
        PWM1 = 0x00040000 + 0x100,
        PWM2 = 0x00040000 + 0x200,
        PWM3 = 0x00040000 + 0x300,
        PWM4 = 0x00040000 + 0x400,
        ADC1_CH0 = 0x00050000 + 0x100 + 0,
        ADC1_CH1 = 0x00050000 + 0x100 + 1,
        ADC1_CH2 = 0x00050000 + 0x100 + 2,
        ADC1_CH3 = 0x00050000 + 0x100 + 3,
        ADC1_CH4 = 0x00050000 + 0x100 + 4,
        ADC1_CH5 = 0x00050000 + 0x100 + 5,
        ADC1_CH6 = 0x00050000 + 0x100 + 6,
        ADC1_CH7 = 0x00050000 + 0x100 + 7,
    }

    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) { }
        public static int GetFunctionPin(DeviceFunction function) { throw null; }
    }
}
