using Charger.Firmware.Runtime;
using Charger.Hal;

namespace Charger.Firmware.Pilot
{
    /// <summary>
    /// Reads the proximity pilot once per tick: PP is pulled up by <c>pullUpOhms</c> to the ADC
    /// reference and the cable's Rc pulls it to PE, so Rc = Rpull × counts / (max - counts), independent
    /// of the reference voltage. The result is debounced like the control pilot. A tethered charger
    /// has no PP input and reports its fixed cable rating.
    /// </summary>
    public sealed class ProximityPilot : ITickStage
    {
        private readonly IAdcChannel _adc;
        private readonly int _pullUpOhms;
        private readonly ProximityDecoder _decoder;
        private readonly int _debounceTicks;
        private readonly int _tetheredRatingDa;

        private CableStatus _status = CableStatus.NoCable;
        private int _ratingDa;
        private int _resistanceOhms = int.MaxValue;
        private CableStatus _candidateStatus = CableStatus.NoCable;
        private int _candidateRatingDa;
        private int _candidateTicks;

        /// <summary>A socket with a PP input.</summary>
        public ProximityPilot(IAdcChannel adc, int pullUpOhms, ProximityDecoder decoder, int debounceTicks)
        {
            if (adc == null)
            {
                throw new System.ArgumentNullException("adc");
            }

            if (pullUpOhms <= 0)
            {
                throw new System.ArgumentOutOfRangeException("pullUpOhms", "the PP pull-up must be positive");
            }

            if (debounceTicks < 1)
            {
                throw new System.ArgumentOutOfRangeException("debounceTicks", "must be 1 or more");
            }

            _adc = adc;
            _pullUpOhms = pullUpOhms;
            _decoder = decoder;
            _debounceTicks = debounceTicks;
        }

        /// <summary>A tethered cable: no PP reading, the cable is always there with this rating.</summary>
        public ProximityPilot(int tetheredRatingDa)
        {
            if (tetheredRatingDa <= 0)
            {
                throw new System.ArgumentOutOfRangeException("tetheredRatingDa", "a tethered cable needs a positive rating");
            }

            _tetheredRatingDa = tetheredRatingDa;
            _status = CableStatus.Rated;
            _ratingDa = tetheredRatingDa;
        }

        public string Name
        {
            get { return "proximity"; }
        }

        public bool IsTethered
        {
            get { return _tetheredRatingDa > 0; }
        }

        public CableStatus Status
        {
            get { return _status; }
        }

        /// <summary>Cable rating in deciamperes; 0 without a rated cable.</summary>
        public int RatingDa
        {
            get { return _ratingDa; }
        }

        /// <summary>Latest measured Rc; int.MaxValue when open.</summary>
        public int ResistanceOhms
        {
            get { return _resistanceOhms; }
        }

        public void Tick(long nowMs)
        {
            if (_tetheredRatingDa > 0)
            {
                return;
            }

            int counts = _adc.ReadRaw();
            int max = _adc.MaxValue;
            _resistanceOhms = counts >= max ? int.MaxValue : (int)((long)_pullUpOhms * counts / (max - counts));

            CableStatus status = _decoder.StatusFor(_resistanceOhms);
            int ratingDa = _decoder.RatingDaFor(_resistanceOhms);
            if (status != _candidateStatus || ratingDa != _candidateRatingDa)
            {
                _candidateStatus = status;
                _candidateRatingDa = ratingDa;
                _candidateTicks = 1;
            }
            else if (_candidateTicks < _debounceTicks)
            {
                _candidateTicks++;
            }

            if (_candidateTicks >= _debounceTicks)
            {
                _status = _candidateStatus;
                _ratingDa = _candidateRatingDa;
            }
        }
    }
}
