using Charger.Firmware.Charging;
using Charger.Firmware.Pilot;
using Charger.Firmware.Safety;
using Charger.Firmware.Thermal;

namespace Charger.Firmware.Control
{
    /// <summary>Everything the charge-control core is configured with. <see cref="Validate"/> refuses unsafe figures.</summary>
    public sealed class ChargeControlConfig
    {
        /// <summary>Issue 3: contactor open commanded within 30 ms of the first sample showing the cause.</summary>
        public const int DefaultReactionLimitMs = 30;

        /// <summary>IEC 61851-1 Table A.6: the standard's own limit for opening on C→B, E, F.</summary>
        public const int StandardReactionLimitMs = 100;

        /// <summary>48 samples: at the simulated and ESP32 ~25 µs per conversion, 1.2 periods of the 1 kHz pilot.</summary>
        public const int DefaultPilotSamplesPerBurst = 48;

        public const int DefaultPilotDebounceTicks = 2;

        public const int DefaultProximityPullUpOhms = 1000;

        public int TickPeriodMs { get; set; } = 10;

        public int ReactionLimitMs { get; set; } = DefaultReactionLimitMs;

        public int PilotSamplesPerBurst { get; set; } = DefaultPilotSamplesPerBurst;

        public int PilotDebounceTicks { get; set; } = DefaultPilotDebounceTicks;

        public PilotThresholds PilotThresholds { get; set; } = new PilotThresholds();

        /// <summary>Null: the default front end for the pilot ADC's resolution.</summary>
        public PilotBoardProfile PilotBoard { get; set; }

        public int ProximityPullUpOhms { get; set; } = DefaultProximityPullUpOhms;

        public int ProximityDebounceTicks { get; set; } = 3;

        public ProximityDecoder ProximityDecoder { get; set; } = new ProximityDecoder();

        /// <summary>Non-zero for a tethered cable: its rating, and the PP input is not read.</summary>
        public int TetheredCableRatingDa { get; set; }

        public int ContactorConfirmMs { get; set; } = Contactors.Contactor.DefaultConfirmMs;

        public bool ContactorFeedbackClosedWhenHigh { get; set; } = true;

        public int LockConfirmMs { get; set; } = Contactors.ConnectorLock.DefaultConfirmMs;

        public bool LockFeedbackLockedWhenHigh { get; set; } = true;

        /// <summary>Null: default settings for every thermistor ADC the hardware has.</summary>
        public ThermistorSettings[] Thermistors { get; set; }

        public ChargingSettings Charging { get; set; } = new ChargingSettings();

        public SafetySettings Safety { get; set; } = new SafetySettings();

        /// <summary>Throws <see cref="ChargeControlConfigException"/> naming the first unusable setting.</summary>
        public void Validate(int thermistorCount)
        {
            if (TickPeriodMs <= 0)
            {
                Fail("TickPeriodMs must be positive");
            }

            if (ReactionLimitMs <= 0 || ReactionLimitMs > StandardReactionLimitMs)
            {
                Fail("ReactionLimitMs " + ReactionLimitMs + " must be within 1.." + StandardReactionLimitMs + " ms (IEC 61851-1 Table A.6)");
            }

            if (PilotDebounceTicks < 1 || (PilotDebounceTicks - 1) * TickPeriodMs > ReactionLimitMs)
            {
                // A state is accepted on the debounce-th tick that shows it; the contactor is commanded in that tick.
                Fail("PilotDebounceTicks " + PilotDebounceTicks + " at " + TickPeriodMs + " ms per tick misses the "
                    + ReactionLimitMs + " ms reaction limit");
            }

            if (PilotSamplesPerBurst < 2)
            {
                Fail("PilotSamplesPerBurst must be at least 2");
            }

            if (PilotThresholds == null || ProximityDecoder == null || Charging == null || Safety == null)
            {
                Fail("pilot thresholds, proximity decoder, charging and safety settings are required");
            }

            if (Charging.MaxCurrentDa < DutyCycleMap.MinCurrentDa || Charging.MaxCurrentDa > DutyCycleMap.MaxCurrentDa)
            {
                Fail("Charging.MaxCurrentDa " + Charging.MaxCurrentDa + " must be within 60..800 dA (IEC 61851-1 Table A.7)");
            }

            if (Charging.C1PowerOffMs <= 0 || Charging.C1PowerOffMs > ChargingSettings.DefaultC1PowerOffMs)
            {
                Fail("Charging.C1PowerOffMs " + Charging.C1PowerOffMs + " must be within 1..6000 ms (IEC 61851-1 Table A.6)");
            }

            if (Charging.StopGraceMs < 0)
            {
                Fail("Charging.StopGraceMs must not be negative");
            }

            if (Charging.OfferChangeIntervalMs < 0)
            {
                Fail("Charging.OfferChangeIntervalMs must not be negative");
            }

            if (Charging.HalfPowerPercent <= 0 || Charging.HalfPowerPercent > 100 || Charging.QuarterPowerPercent <= 0
                || Charging.QuarterPowerPercent > Charging.HalfPowerPercent)
            {
                Fail("derating percentages must satisfy 0 < quarter <= half <= 100");
            }

            Safety.Validate();
            Bound("ContactorConfirmMs", ContactorConfirmMs, MinContactorConfirmMs, MaxContactorConfirmMs);
            Bound("LockConfirmMs", LockConfirmMs, 100, 5000);

            if (TetheredCableRatingDa < 0)
            {
                Fail("TetheredCableRatingDa must not be negative");
            }

            if (TetheredCableRatingDa == 0 && ProximityPullUpOhms <= 0)
            {
                Fail("ProximityPullUpOhms must be positive for a socket");
            }

            if (Thermistors != null && Thermistors.Length != thermistorCount)
            {
                Fail("Thermistors has " + Thermistors.Length + " settings for " + thermistorCount + " thermistor inputs");
            }
        }

        /// <summary>Issue 12 item 12: the auxiliary contact must confirm within 10..1000 ms (a contactor operates in 20..100 ms).</summary>
        public const int MinContactorConfirmMs = 10;
        public const int MaxContactorConfirmMs = 1000;

        private static void Bound(string name, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                Fail(name + " " + value + " is outside " + min + ".." + max);
            }
        }

        private static void Fail(string reason)
        {
            throw new ChargeControlConfigException("charge control configuration: " + reason);
        }
    }
}
