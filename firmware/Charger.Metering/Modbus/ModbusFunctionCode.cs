namespace Charger.Metering.Modbus
{
    /// <summary>The function codes this master speaks ("MODBUS Application Protocol V1.1b3", section 6).</summary>
    public static class ModbusFunctionCode
    {
        public const byte ReadHoldingRegisters = 0x03;

        public const byte ReadInputRegisters = 0x04;

        public const byte WriteSingleRegister = 0x06;

        public const byte WriteMultipleRegisters = 0x10;

        /// <summary>A slave sets this bit in the echoed function code to signal an exception response (section 7).</summary>
        public const byte ExceptionFlag = 0x80;
    }
}
