namespace Charger.Metering.Modbus
{
    /// <summary>What each exception code means for the technician at the console (Application Protocol section 7).</summary>
    public static class ModbusExceptionText
    {
        public static string Describe(ModbusExceptionCode code)
        {
            switch (code)
            {
                case ModbusExceptionCode.IllegalFunction:
                    return "01 illegal function: the meter does not support this request (wrong meter profile?)";
                case ModbusExceptionCode.IllegalDataAddress:
                    return "02 illegal data address: register not in this meter's map (wrong meter profile?)";
                case ModbusExceptionCode.IllegalDataValue:
                    return "03 illegal data value: the meter refused the value or register count";
                case ModbusExceptionCode.SlaveDeviceFailure:
                    return "04 slave device failure: the meter reports an internal fault";
                case ModbusExceptionCode.Acknowledge:
                    return "05 acknowledge: the meter accepted a long-running command";
                case ModbusExceptionCode.SlaveDeviceBusy:
                    return "06 slave device busy: the meter is busy, it will be asked again next poll";
                case ModbusExceptionCode.NegativeAcknowledge:
                    return "07 negative acknowledge: the meter cannot perform the program function";
                case ModbusExceptionCode.MemoryParityError:
                    return "08 memory parity error: the meter's memory is inconsistent";
                case ModbusExceptionCode.GatewayPathUnavailable:
                    return "0A gateway path unavailable: the gateway has no route to the meter";
                case ModbusExceptionCode.GatewayTargetFailedToRespond:
                    return "0B gateway target failed to respond: the meter behind the gateway is silent";
                default:
                    return "unknown exception code " + ((int)code).ToString();
            }
        }
    }
}
