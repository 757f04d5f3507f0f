namespace Charger.Metering.Modbus
{
    /// <summary>Where the master's one outstanding transaction stands.</summary>
    public enum ModbusTransactionState
    {
        /// <summary>No request has been started since the last result was taken.</summary>
        Idle = 0,

        /// <summary>Waiting for bus silence, for the answer, or for the line to settle before a retry.</summary>
        Busy,

        /// <summary>A good answer arrived; its registers can be read.</summary>
        Completed,

        /// <summary>Every attempt failed; <see cref="ModbusRtuMaster.LastError"/> says why.</summary>
        Failed,
    }
}
