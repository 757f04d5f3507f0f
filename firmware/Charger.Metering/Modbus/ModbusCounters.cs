namespace Charger.Metering.Modbus
{
    /// <summary>
    /// What the master has seen on the bus since start: every bad answer is counted here so a technician can
    /// tell a noisy cable (CRC, noise) from a wrong address (wrong slave) or a dead meter (timeouts).
    /// </summary>
    public sealed class ModbusCounters
    {
        public int Requests { get; internal set; }

        public int GoodResponses { get; internal set; }

        public int Retries { get; internal set; }

        public int FailedTransactions { get; internal set; }

        public int Timeouts { get; internal set; }

        public int CrcErrors { get; internal set; }

        public int TruncatedFrames { get; internal set; }

        public int WrongSlaveAddress { get; internal set; }

        public int WrongFunctionCode { get; internal set; }

        public int WrongByteCount { get; internal set; }

        public int NoiseFrames { get; internal set; }

        /// <summary>Bytes thrown away while resynchronising: before a request, or around a good frame.</summary>
        public int NoiseBytesDiscarded { get; internal set; }

        public int ExceptionResponses { get; internal set; }

        /// <summary>Total of all bad answers of any kind (not counting exception responses, which are well-formed).</summary>
        public int BadFrames
        {
            get
            {
                return Timeouts + CrcErrors + TruncatedFrames + WrongSlaveAddress + WrongFunctionCode
                    + WrongByteCount + NoiseFrames;
            }
        }
    }
}
