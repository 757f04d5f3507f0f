namespace Charger.Firmware.Pilot
{
    /// <summary>
    /// Voltage bands of the pilot states, in millivolts, inclusive at both ends. Defaults are the
    /// nominal levels of IEC 61851-1 Table A.3 (+12, +9, +6, +3, 0, -12 V) with ±1 V bands; a value
    /// outside every band classifies as <see cref="PilotLevel.Invalid"/>.
    /// </summary>
    public sealed class PilotThresholds
    {
        /// <summary>Half width of every default band (IEC 61851-1 Table A.3 allows about ±1 V at the EVSE).</summary>
        public const int DefaultHalfBandMv = 1000;

        private const int StateCount = 6;

        private readonly int[] _lowMv = new int[StateCount];
        private readonly int[] _highMv = new int[StateCount];

        public PilotThresholds()
        {
            SetNominal(PilotLevel.A, 12000);
            SetNominal(PilotLevel.B, 9000);
            SetNominal(PilotLevel.C, 6000);
            SetNominal(PilotLevel.D, 3000);
            SetNominal(PilotLevel.E, 0);
            SetNominal(PilotLevel.F, -12000);
        }

        public int GetLowMv(PilotLevel level)
        {
            return _lowMv[Index(level)];
        }

        public int GetHighMv(PilotLevel level)
        {
            return _highMv[Index(level)];
        }

        /// <summary>Replaces one band. Refused when it is empty or overlaps another band.</summary>
        public void SetBand(PilotLevel level, int lowMv, int highMv)
        {
            int index = Index(level);
            if (lowMv > highMv)
            {
                throw new System.ArgumentException("pilot band " + PilotLevelText.Of(level) + ": low " + lowMv + " mV is above high " + highMv + " mV");
            }

            for (int i = 0; i < StateCount; i++)
            {
                if (i != index && lowMv <= _highMv[i] && highMv >= _lowMv[i])
                {
                    throw new System.ArgumentException("pilot band " + PilotLevelText.Of(level) + " (" + lowMv + ".." + highMv
                        + " mV) overlaps band " + PilotLevelText.Of((PilotLevel)i));
                }
            }

            _lowMv[index] = lowMv;
            _highMv[index] = highMv;
        }

        /// <summary>The state whose band holds <paramref name="pilotMv"/>, or Invalid between bands.</summary>
        public PilotLevel Classify(int pilotMv)
        {
            for (int i = 0; i < StateCount; i++)
            {
                if (pilotMv >= _lowMv[i] && pilotMv <= _highMv[i])
                {
                    return (PilotLevel)i;
                }
            }

            return PilotLevel.Invalid;
        }

        private void SetNominal(PilotLevel level, int nominalMv)
        {
            _lowMv[(int)level] = nominalMv - DefaultHalfBandMv;
            _highMv[(int)level] = nominalMv + DefaultHalfBandMv;
        }

        private static int Index(PilotLevel level)
        {
            int index = (int)level;
            if (index < 0 || index >= StateCount)
            {
                throw new System.ArgumentOutOfRangeException("level", "only A..F have a voltage band");
            }

            return index;
        }
    }
}
