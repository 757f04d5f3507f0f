namespace Charger.Metering.Modbus
{
    /// <summary>Exception codes 01..0B a slave may answer with ("MODBUS Application Protocol V1.1b3", section 7).</summary>
    public enum ModbusExceptionCode
    {
        None = 0x00,
        IllegalFunction = 0x01,
        IllegalDataAddress = 0x02,
        IllegalDataValue = 0x03,
        SlaveDeviceFailure = 0x04,
        Acknowledge = 0x05,
        SlaveDeviceBusy = 0x06,
        NegativeAcknowledge = 0x07,
        MemoryParityError = 0x08,
        GatewayPathUnavailable = 0x0A,
        GatewayTargetFailedToRespond = 0x0B,
    }
}
