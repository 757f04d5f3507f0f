namespace Charger.Metering.Modbus
{
    /// <summary>Why a Modbus transaction (after all its retries) did not produce a good answer.</summary>
    public enum ModbusError
    {
        None = 0,

        /// <summary>No byte came back within the response timeout.</summary>
        Timeout,

        /// <summary>A frame of the expected size whose CRC did not match.</summary>
        CrcError,

        /// <summary>The line went quiet before the frame was complete.</summary>
        TruncatedFrame,

        /// <summary>A well-formed answer from a slave we did not address (a bus collision or a duplicate address).</summary>
        WrongSlaveAddress,

        /// <summary>A well-formed answer with a function code other than the one asked.</summary>
        WrongFunctionCode,

        /// <summary>A well-formed answer whose byte count or echoed fields do not fit the request.</summary>
        WrongByteCount,

        /// <summary>Bytes that form no frame at all: longer than any answer, or the line never fell silent.</summary>
        Noise,

        /// <summary>The slave answered with an exception response; see <see cref="ModbusExceptionCode"/>.</summary>
        SlaveException,
    }
}
