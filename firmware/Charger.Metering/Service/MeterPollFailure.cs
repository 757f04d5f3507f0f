namespace Charger.Metering.Service
{
    /// <summary>Why the last poll produced no reading.</summary>
    public enum MeterPollFailure
    {
        None = 0,

        /// <summary>The Modbus transaction failed; the service's LastModbusError says how.</summary>
        Communication,

        /// <summary>The meter answered with values its datasheet marks invalid (NaN, "not available").</summary>
        InvalidValue,

        /// <summary>The energy register was lower than the last accepted one: a meter fault; reading discarded.</summary>
        EnergyDecreased,

        /// <summary>A value broke the physical bounds of the meter's rating (MeterPlausibility); reading discarded.</summary>
        Implausible,
    }
}
