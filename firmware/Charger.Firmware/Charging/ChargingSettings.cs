namespace Charger.Firmware.Charging
{
    /// <summary>Figures of the charging state machine and the offer; defaults from IEC 61851-1 and issue 3.</summary>
    public sealed class ChargingSettings
    {
        /// <summary>Normal stop: the EV gets this long after the PWM is withdrawn to drop its current (issue 3).</summary>
        public const int DefaultStopGraceMs = 3000;

        /// <summary>IEC 61851-1 Table A.6 (sequence 10.2): EV stays in C after PWM stopped → power off within 6 s.</summary>
        public const int DefaultC1PowerOffMs = 6000;

        /// <summary>IEC 61851-1: the EV has 5 s to follow a change of the duty cycle.</summary>
        public const int DefaultOfferChangeIntervalMs = 5000;

        /// <summary>Below 1 A per phase the contactor can open without breaking load.</summary>
        public const int DefaultStopCurrentThresholdDa = 10;

        public int MaxCurrentDa { get; set; } = 320;

        /// <summary>State D (ventilation requested) charges only when the site is ventilated.</summary>
        public bool AllowVentilation { get; set; }

        /// <summary>No authorization needed (free vend): plugging in is enough.</summary>
        public bool FreeVend { get; set; }

        public int StopGraceMs { get; set; } = DefaultStopGraceMs;

        public int C1PowerOffMs { get; set; } = DefaultC1PowerOffMs;

        public int StopCurrentThresholdDa { get; set; } = DefaultStopCurrentThresholdDa;

        public int OfferChangeIntervalMs { get; set; } = DefaultOfferChangeIntervalMs;

        /// <summary>Thermal stage 1 offers this share of the otherwise allowed current.</summary>
        public int HalfPowerPercent { get; set; } = 50;

        /// <summary>Thermal stage 2 offers this share.</summary>
        public int QuarterPowerPercent { get; set; } = 25;

        /// <summary>
        /// When a derated offer falls below 6 A: true raises it to 6 A (if 6 A is allowed at all),
        /// false pauses (no PWM offer).
        /// </summary>
        public bool DeratingClampsToMinimum { get; set; } = true;
    }
}
