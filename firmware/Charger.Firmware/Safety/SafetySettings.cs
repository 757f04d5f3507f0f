namespace Charger.Firmware.Safety
{
    /// <summary>Figures of the safety supervisor; defaults from IEC 61851-1 and issue 3.</summary>
    public sealed class SafetySettings
    {
        public const int FaultCodeCount = 13;

        /// <summary>After a fault the pilot is held at -12 V (state F) this long (issue 3 default).</summary>
        public const int DefaultFaultHoldMs = 300;

        /// <summary>Over-current: above offer + 10 % + 0.5 A for more than 7 s (issue 3; IEC 61851-1 Table A.8 note on EV tolerance).</summary>
        public const int DefaultOverCurrentMarginPercent = 10;
        public const int DefaultOverCurrentOffsetDa = 5;
        public const int DefaultOverCurrentDurationMs = 7000;

        /// <summary>
        /// Issue 12 item 8, the fast over-current stage: above 125 % of the offer for 1 s, or above 150 % of
        /// the offer or the hard limit at once. The offer it is measured against is the highest one
        /// advertised in the last 5 s (IEC 61851-1: the EV has 5 s to follow a lower duty cycle).
        /// </summary>
        public const int DefaultFastOverCurrentPercent = 125;
        public const int DefaultFastOverCurrentDurationMs = 1000;
        public const int DefaultInstantOverCurrentPercent = 150;

        /// <summary>80 A: the top of the IEC 61851-1 Table A.7 duty range; no AC EVSE of this design carries more.</summary>
        public const int DefaultOverCurrentHardLimitDa = 800;

        /// <summary>IEC 61851-1: the EV has 5 s to follow a change of the duty cycle.</summary>
        public const int OfferFollowMs = 5000;

        /// <summary>A meter report older than this is no longer evidence of anything.</summary>
        public const int DefaultMeterStaleMs = 5000;

        // Longer than the meter-loss service stop takes to end a session without breaking load (the meter
        // is declared lost after 5 failed 1 s polls, then the EV gets at most 3 s to let go), and far
        // shorter than the 60 s a frozen reading once hid an over-current (issue 12 item 6).
        public const int DefaultMeterBlindMs = 10000;

        /// <summary>Auto-retry counters start again after a day without that fault.</summary>
        public const int DefaultRetryCounterResetMs = 24 * 60 * 60 * 1000;

        /// <summary>
        /// Issue 12 item 4: at most 3 automatic RCD re-closes, counted across reboots and never forgotten by
        /// time; only a technician's reset starts the count again (IEC 62955 / IEC 61851-1 auto-reclosing practice).
        /// </summary>
        public const int RcdMaxAutoRetries = 3;

        private readonly FaultPolicy[] _policies = new FaultPolicy[FaultCodeCount];

        public SafetySettings()
        {
            _policies[(int)FaultCode.RcdTrip] = new FaultPolicy(LatchPolicy.AutoRetry, 5 * 60 * 1000, RcdMaxAutoRetries,
                "retried automatically 5 min after the trip if the RCD has reset, up to 3 times (the count survives reboots"
                + " and only a manual reset starts it again); then manual reset");
            _policies[(int)FaultCode.EmergencyStop] = new FaultPolicy(LatchPolicy.Manual, 0, 0,
                "release the emergency stop, then manual reset");
            _policies[(int)FaultCode.DiodeFault] = new FaultPolicy(LatchPolicy.UntilUnplug, 0, 0,
                "clears when the EV is unplugged");
            _policies[(int)FaultCode.PilotShort] = new FaultPolicy(LatchPolicy.AutoRetry, 10000, 3,
                "retried 10 s after the short if the pilot reads normally, up to 3 times; then manual reset");
            _policies[(int)FaultCode.OverCurrent] = new FaultPolicy(LatchPolicy.AutoRetry, 60000, 3,
                "retried after 60 s, up to 3 times; then manual reset");
            _policies[(int)FaultCode.OverTemperature] = new FaultPolicy(LatchPolicy.SelfClearing, 0, 0,
                "clears when every sensor is 3 °C below its stop threshold");
            _policies[(int)FaultCode.TemperatureSensor] = new FaultPolicy(LatchPolicy.SelfClearing, 10000, 0,
                "clears when every sensor has read normally for 10 s");
            _policies[(int)FaultCode.ContactorStuckOpen] = new FaultPolicy(LatchPolicy.AutoRetry, 60000, 3,
                "retried after 60 s, up to 3 times; then manual reset");
            _policies[(int)FaultCode.ContactorWelded] = new FaultPolicy(LatchPolicy.ManualWithConfirmation, 0, 0,
                "never cleared automatically: inspect or replace the contactor, then manual reset with confirmation");
            _policies[(int)FaultCode.MeterFault] = new FaultPolicy(LatchPolicy.SelfClearing, 0, 0,
                "clears when the meter reports healthy again");
            _policies[(int)FaultCode.CableFault] = new FaultPolicy(LatchPolicy.UntilUnplug, 0, 0,
                "clears when the cable is unplugged");
            _policies[(int)FaultCode.InternalFailure] = new FaultPolicy(LatchPolicy.Manual, 0, 0,
                "firmware stage failed: read the log, then manual reset (a reboot does not clear it)");
            _policies[(int)FaultCode.LockFailure] = new FaultPolicy(LatchPolicy.AutoRetry, 10000, 3,
                "retried 10 s after the failure, up to 3 times (re-seat the plug); then manual reset");
        }

        public int FaultHoldMs { get; set; } = DefaultFaultHoldMs;

        public int OverCurrentMarginPercent { get; set; } = DefaultOverCurrentMarginPercent;

        public int OverCurrentOffsetDa { get; set; } = DefaultOverCurrentOffsetDa;

        public int OverCurrentDurationMs { get; set; } = DefaultOverCurrentDurationMs;

        public int FastOverCurrentPercent { get; set; } = DefaultFastOverCurrentPercent;

        public int FastOverCurrentDurationMs { get; set; } = DefaultFastOverCurrentDurationMs;

        public int InstantOverCurrentPercent { get; set; } = DefaultInstantOverCurrentPercent;

        public int OverCurrentHardLimitDa { get; set; } = DefaultOverCurrentHardLimitDa;

        /// <summary>Board polarity of the RCD trip output.</summary>
        public bool RcdTrippedWhenHigh { get; set; } = true;

        /// <summary>Board polarity of the emergency-stop input.</summary>
        public bool EmergencyStopPressedWhenHigh { get; set; } = true;

        /// <summary>When true, a missing meter report (older than <see cref="MeterStaleMs"/>) is a fault.</summary>
        public bool MeterRequired { get; set; }

        public int MeterStaleMs { get; set; } = DefaultMeterStaleMs;

        /// <summary>
        /// A meter supervises the current (the station sets this when it builds its metering stage).
        /// Then over-current supervision that is blind, with no fresh phase current for longer than
        /// <see cref="MeterStaleMs"/> while the contactor is closed, stops charging whatever the
        /// billing policy says (issue 12 item 6).
        /// </summary>
        public bool MeterFitted { get; set; }

        /// <summary>
        /// How long over-current supervision may be blind (no fresh current while closed) before it is a
        /// MeterFault. Readings older than <see cref="MeterStaleMs"/> no longer count as current for the
        /// over-current stages; this longer window lets a meter-loss service stop end the session first.
        /// </summary>
        public int MeterBlindMs { get; set; } = DefaultMeterBlindMs;

        /// <summary>When true, a meter that reports itself unhealthy stops charging.</summary>
        public bool StopOnMeterFault { get; set; } = true;

        public int RetryCounterResetMs { get; set; } = DefaultRetryCounterResetMs;

        /// <summary>
        /// Issue 12 item 12: a self-clearing sensor or meter fault raised this many times within
        /// <see cref="FlapWindowMs"/> latches for a manual reset instead of clearing again.
        /// </summary>
        public const int DefaultFlapLimit = 5;
        public const int DefaultFlapWindowMs = 60 * 60 * 1000;

        public int FlapLimit { get; set; } = DefaultFlapLimit;

        public int FlapWindowMs { get; set; } = DefaultFlapWindowMs;

        // Issue 12 item 12: the bounds every safety figure is checked against at start.
        public const int MinFaultHoldMs = 100;
        public const int MaxFaultHoldMs = 10000;
        public const int MaxOverCurrentMarginPercent = 25;
        public const int MaxOverCurrentOffsetDa = 20;
        public const int MinOverCurrentDurationMs = 1000;
        public const int MaxOverCurrentDurationMs = 10000;
        public const int MinFastOverCurrentPercent = 105;
        public const int MaxInstantOverCurrentPercent = 300;
        public const int MinFastOverCurrentDurationMs = 100;
        public const int MaxFastOverCurrentDurationMs = 5000;
        public const int MinOverCurrentHardLimitDa = 60;
        public const int MaxOverCurrentHardLimitDa = 1000;
        public const int MinMeterStaleMs = 1000;
        public const int MaxMeterStaleMs = 30000;
        public const int MinRetryCounterResetMs = 60 * 60 * 1000;
        public const int MaxRetryCounterResetMs = 7 * 24 * 60 * 60 * 1000;
        public const int MinFlapLimit = 2;
        public const int MaxFlapLimit = 20;
        public const int MinFlapWindowMs = 60 * 1000;
        public const int MaxFlapWindowMs = 24 * 60 * 60 * 1000;
        public const int MinAutoRetryDelayMs = 1000;
        public const int MaxAutoRetries = 10;

        /// <summary>
        /// Checks every figure against its bound; throws <see cref="Charger.Firmware.Control.ChargeControlConfigException"/>
        /// naming the first one outside. Called by the charge-control configuration check at start.
        /// </summary>
        public void Validate()
        {
            Bound("Safety.FaultHoldMs", FaultHoldMs, MinFaultHoldMs, MaxFaultHoldMs);
            Bound("Safety.OverCurrentMarginPercent", OverCurrentMarginPercent, 0, MaxOverCurrentMarginPercent);
            Bound("Safety.OverCurrentOffsetDa", OverCurrentOffsetDa, 0, MaxOverCurrentOffsetDa);
            Bound("Safety.OverCurrentDurationMs", OverCurrentDurationMs, MinOverCurrentDurationMs, MaxOverCurrentDurationMs);
            Bound("Safety.FastOverCurrentPercent", FastOverCurrentPercent, MinFastOverCurrentPercent, InstantOverCurrentPercent);
            Bound("Safety.InstantOverCurrentPercent", InstantOverCurrentPercent, FastOverCurrentPercent, MaxInstantOverCurrentPercent);
            Bound("Safety.FastOverCurrentDurationMs", FastOverCurrentDurationMs, MinFastOverCurrentDurationMs,
                OverCurrentDurationMs < MaxFastOverCurrentDurationMs ? OverCurrentDurationMs : MaxFastOverCurrentDurationMs);
            Bound("Safety.OverCurrentHardLimitDa", OverCurrentHardLimitDa, MinOverCurrentHardLimitDa, MaxOverCurrentHardLimitDa);
            Bound("Safety.MeterStaleMs", MeterStaleMs, MinMeterStaleMs, MaxMeterStaleMs);
            Bound("Safety.MeterBlindMs", MeterBlindMs, MeterStaleMs, MaxMeterStaleMs);
            Bound("Safety.RetryCounterResetMs", RetryCounterResetMs, MinRetryCounterResetMs, MaxRetryCounterResetMs);
            Bound("Safety.FlapLimit", FlapLimit, MinFlapLimit, MaxFlapLimit);
            Bound("Safety.FlapWindowMs", FlapWindowMs, MinFlapWindowMs, MaxFlapWindowMs);
            for (int i = 0; i < FaultCodeCount; i++)
            {
                FaultPolicy policy = _policies[i];
                if (policy == null)
                {
                    Fail("Safety: fault " + FaultCodeText.Of((FaultCode)i) + " has no policy");
                }

                if (policy.Latch == LatchPolicy.AutoRetry)
                {
                    Bound("Safety policy " + FaultCodeText.Of((FaultCode)i) + " RetryDelayMs", policy.RetryDelayMs, MinAutoRetryDelayMs, int.MaxValue);
                    Bound("Safety policy " + FaultCodeText.Of((FaultCode)i) + " MaxRetries", policy.MaxRetries, 0,
                        i == (int)FaultCode.RcdTrip ? RcdMaxAutoRetries : MaxAutoRetries);
                }
            }

            LatchPolicy estop = _policies[(int)FaultCode.EmergencyStop].Latch;
            if (estop != LatchPolicy.Manual && estop != LatchPolicy.ManualWithConfirmation)
            {
                Fail("Safety policy EmergencyStop must latch for a manual reset");
            }
        }

        private static void Bound(string name, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                Fail(name + " " + value + " is outside " + min + ".." + max);
            }
        }

        private static void Fail(string reason)
        {
            throw new Charger.Firmware.Control.ChargeControlConfigException("charge control configuration: " + reason);
        }

        public FaultPolicy GetPolicy(FaultCode code)
        {
            return _policies[(int)code];
        }

        public void SetPolicy(FaultCode code, FaultPolicy policy)
        {
            if (policy == null)
            {
                throw new System.ArgumentNullException("policy");
            }

            if (code == FaultCode.ContactorWelded && policy.Latch != LatchPolicy.ManualWithConfirmation)
            {
                // A welded contactor keeps the vehicle live; nothing but a person may clear it.
                throw new System.ArgumentException("a welded contactor fault must stay latched with confirmation");
            }

            _policies[(int)code] = policy;
        }
    }
}
