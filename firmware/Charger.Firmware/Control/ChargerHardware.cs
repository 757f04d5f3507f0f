using Charger.Hal;

namespace Charger.Firmware.Control
{
    /// <summary>
    /// The HAL objects the charge-control core drives, as the board file (or the simulator) wires
    /// them. Optional inputs may be null: no proximity ADC on a tethered charger, no auxiliary
    /// contact on a board without feedback.
    /// </summary>
    public sealed class ChargerHardware
    {
        public IAdcChannel PilotAdc { get; set; }

        /// <summary>The 1 kHz control-pilot generator.</summary>
        public IPwmOutput PilotPwm { get; set; }

        public IAdcChannel ProximityAdc { get; set; }

        public IDigitalInput RcdTrip { get; set; }

        public IDigitalInput EmergencyStop { get; set; }

        public IDigitalOutput ContactorCoil { get; set; }

        public IDigitalInput ContactorFeedback { get; set; }

        /// <summary>One ADC channel per NTC; matched by index with <see cref="ChargeControlConfig.Thermistors"/>.</summary>
        public IAdcChannel[] Thermistors { get; set; }

        /// <summary>
        /// Where the safety latches and retry counts survive a reboot or a power cut (issue 12 item 3);
        /// null keeps them in RAM only (bench tests).
        /// </summary>
        public IFileStore LatchStorage { get; set; }

        /// <summary>Connector lock actuator of a socket outlet (high = lock); null on a tethered cable.</summary>
        public IDigitalOutput LockActuator { get; set; }

        /// <summary>The lock's position contact; required with <see cref="LockActuator"/>.</summary>
        public IDigitalInput LockFeedback { get; set; }
    }
}
