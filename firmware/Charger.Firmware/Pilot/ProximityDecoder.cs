namespace Charger.Firmware.Pilot
{
    /// <summary>
    /// Maps the proximity resistor Rc of a Type 2 cable to its current rating (IEC 61851-1 Table B.2,
    /// IEC 62196-2: 1.5 kΩ 13 A, 680 Ω 20 A, 220 Ω 32 A, 100 Ω 63 A). Window edges sit at the geometric
    /// mean of neighbouring nominal values, so a resistor within its tolerance and the sensing error
    /// never lands in the wrong window; below the lowest window is a short, above the highest window
    /// and below the open threshold is an unknown cable: both are faults.
    /// </summary>
    public sealed class ProximityDecoder
    {
        /// <summary>Below this the PP line is shorted to PE.</summary>
        public const int DefaultShortBelowOhms = 50;

        /// <summary>sqrt(100 × 220): boundary between the 63 A and 32 A codings.</summary>
        public const int Default63ATo32AOhms = 148;

        /// <summary>sqrt(220 × 680).</summary>
        public const int Default32ATo20AOhms = 387;

        /// <summary>sqrt(680 × 1500).</summary>
        public const int Default20ATo13AOhms = 1010;

        /// <summary>1.5 kΩ × 1.64: the top of the 13 A window (symmetric in log scale with the lower edge).</summary>
        public const int Default13AMaxOhms = 2460;

        /// <summary>Above this the PP line is open: no cable.</summary>
        public const int DefaultOpenAboveOhms = 10000;

        public const int NoCableRatingDa = 0;

        private readonly int _shortBelowOhms;
        private readonly int _edge63To32Ohms;
        private readonly int _edge32To20Ohms;
        private readonly int _edge20To13Ohms;
        private readonly int _max13Ohms;
        private readonly int _openAboveOhms;

        public ProximityDecoder()
            : this(DefaultShortBelowOhms, Default63ATo32AOhms, Default32ATo20AOhms, Default20ATo13AOhms, Default13AMaxOhms, DefaultOpenAboveOhms)
        {
        }

        public ProximityDecoder(int shortBelowOhms, int edge63To32Ohms, int edge32To20Ohms, int edge20To13Ohms, int max13Ohms, int openAboveOhms)
        {
            if (!(shortBelowOhms < edge63To32Ohms && edge63To32Ohms < edge32To20Ohms && edge32To20Ohms < edge20To13Ohms
                && edge20To13Ohms < max13Ohms && max13Ohms < openAboveOhms))
            {
                throw new System.ArgumentException("proximity windows must rise: short < 63/32 < 32/20 < 20/13 < 13 max < open");
            }

            _shortBelowOhms = shortBelowOhms;
            _edge63To32Ohms = edge63To32Ohms;
            _edge32To20Ohms = edge32To20Ohms;
            _edge20To13Ohms = edge20To13Ohms;
            _max13Ohms = max13Ohms;
            _openAboveOhms = openAboveOhms;
        }

        public CableStatus StatusFor(int resistanceOhms)
        {
            if (resistanceOhms > _openAboveOhms)
            {
                return CableStatus.NoCable;
            }

            if (resistanceOhms < _shortBelowOhms || resistanceOhms > _max13Ohms)
            {
                return CableStatus.Fault;
            }

            return CableStatus.Rated;
        }

        /// <summary>Rating in deciamperes, or 0 when the status is not <see cref="CableStatus.Rated"/>.</summary>
        public int RatingDaFor(int resistanceOhms)
        {
            if (StatusFor(resistanceOhms) != CableStatus.Rated)
            {
                return NoCableRatingDa;
            }

            if (resistanceOhms < _edge63To32Ohms)
            {
                return 630;
            }

            if (resistanceOhms < _edge32To20Ohms)
            {
                return 320;
            }

            if (resistanceOhms < _edge20To13Ohms)
            {
                return 200;
            }

            return 130;
        }
    }
}
