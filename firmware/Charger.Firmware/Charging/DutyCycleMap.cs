namespace Charger.Firmware.Charging
{
    /// <summary>
    /// PWM duty cycle ↔ maximum current, IEC 61851-1 Annex A (Tables A.7 and A.8). Currents are in
    /// deciamperes and duty in per mille so the mapping is exact integer arithmetic.
    /// The forward map rounds the duty down: an EV decoding it never reads more than was offered.
    /// </summary>
    public static class DutyCycleMap
    {
        /// <summary>Smallest offer: 6 A at 10 % (Table A.7).</summary>
        public const int MinCurrentDa = 60;

        /// <summary>Largest offer: 80 A at 96 % (Table A.7); larger requests are clamped.</summary>
        public const int MaxCurrentDa = 800;

        /// <summary>Top of the linear range: 51 A at 85 % (I = duty × 0.6 A).</summary>
        public const int LowRangeMaxCurrentDa = 510;

        /// <summary>Below this the upper-range formula would give less than 85 %, so 85 % (51 A) is the best safe offer.</summary>
        public const int HighRangeMinCurrentDa = 525;

        public const int MinDutyPermille = 100;
        public const int LowRangeMaxDutyPermille = 850;
        public const int MaxDutyPermille = 960;

        /// <summary>5 %: high-level (digital) communication required, Table A.7.</summary>
        public const int DigitalCommunicationDutyPermille = 50;

        /// <summary>Returned by <see cref="DutyPermilleFor"/> when the current is below 6 A: no PWM offer.</summary>
        public const int NoOffer = -1;

        /// <summary>Returned by <see cref="CurrentDaFor"/>: 3–7 % duty asks for digital communication.</summary>
        public const int DigitalCommunication = -1;

        /// <summary>Returned by <see cref="CurrentDaFor"/>: a duty no EV may charge on (&lt; 3 %, 7–8 %, &gt; 97 %).</summary>
        public const int NotAllowed = -2;

        /// <summary>Duty that offers at most <paramref name="currentDa"/>, or <see cref="NoOffer"/> below 6 A.</summary>
        public static int DutyPermilleFor(int currentDa)
        {
            if (currentDa < MinCurrentDa)
            {
                return NoOffer;
            }

            if (currentDa > MaxCurrentDa)
            {
                currentDa = MaxCurrentDa;
            }

            if (currentDa <= LowRangeMaxCurrentDa)
            {
                // duty % = I / 0.6  →  per mille = dA × 10 / 6
                return currentDa * 10 / 6;
            }

            if (currentDa < HighRangeMinCurrentDa)
            {
                return LowRangeMaxDutyPermille;
            }

            // duty % = I / 2.5 + 64  →  per mille = dA × 2 / 5 + 640
            return currentDa * 2 / 5 + 640;
        }

        /// <summary>
        /// The current an EV reads from a duty (Table A.8, EV side): 8–10 % → 6 A, 10–85 % → duty × 0.6,
        /// 85–96 % → (duty − 64) × 2.5, 96–97 % → 80 A; 7–8 % → 0 (no charging);
        /// 3–7 % → <see cref="DigitalCommunication"/>; below 3 % or above 97 % → <see cref="NotAllowed"/>.
        /// </summary>
        public static int CurrentDaFor(int dutyPermille)
        {
            if (dutyPermille < 30 || dutyPermille > 970)
            {
                return NotAllowed;
            }

            if (dutyPermille <= 70)
            {
                return DigitalCommunication;
            }

            if (dutyPermille < 80)
            {
                return 0;
            }

            if (dutyPermille < MinDutyPermille)
            {
                return MinCurrentDa;
            }

            if (dutyPermille <= LowRangeMaxDutyPermille)
            {
                return dutyPermille * 6 / 10;
            }

            if (dutyPermille <= MaxDutyPermille)
            {
                return (dutyPermille - 640) * 5 / 2;
            }

            return MaxCurrentDa;
        }
    }
}
