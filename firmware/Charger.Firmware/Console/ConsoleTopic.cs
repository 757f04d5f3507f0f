namespace Charger.Firmware.Console
{
    /// <summary>What a read-only console command asks <see cref="IConsoleStatusSource"/> for.</summary>
    public enum ConsoleTopic
    {
        /// <summary>Control pilot state, PWM duty and the current offered to the vehicle.</summary>
        Pilot,

        /// <summary>Contactor command and auxiliary-contact feedback, connector lock.</summary>
        Contactor,

        /// <summary>Meter readings: voltage, current, power, energy register, meter link health.</summary>
        Meter,

        /// <summary>Temperatures and the derating they cause.</summary>
        Temps,

        /// <summary>CSMS connection, queue depth, last messages.</summary>
        Ocpp,

        /// <summary>The transaction in progress (id, start, energy), or that there is none.</summary>
        Transaction,

        /// <summary>Firmware slots (active, standby, pending update).</summary>
        Slots,

        /// <summary>Firmware, hardware and protocol versions.</summary>
        Version,

        /// <summary>Installed certificate revocation lists (issuer, revoked count, dates, expired or not).</summary>
        Crls,
    }
}
