namespace Charger.Hal.Sim.Pilot
{
    /// <summary>
    /// The proximity (PP) input of a socket: a pull-up to the ADC reference and the cable's Rc to PE.
    /// Sets the ADC channel to what a given Rc produces.
    /// </summary>
    public sealed class SimProximity
    {
        /// <summary>IEC 61851-1 Table B.2 codings.</summary>
        public const int Cable13AOhms = 1500;
        public const int Cable20AOhms = 680;
        public const int Cable32AOhms = 220;
        public const int Cable63AOhms = 100;

        private readonly SimAdcChannel _adc;
        private readonly int _pullUpOhms;

        public SimProximity(SimAdcChannel adc, int pullUpOhms)
        {
            if (adc == null)
            {
                throw new System.ArgumentNullException("adc");
            }

            _adc = adc;
            _pullUpOhms = pullUpOhms;
            Unplug();
        }

        /// <summary>A cable with this Rc in the socket.</summary>
        public void Plug(int resistanceOhms)
        {
            _adc.Value = CountsFor(resistanceOhms, _pullUpOhms, _adc.MaxValue);
        }

        public void Unplug()
        {
            _adc.Value = _adc.MaxValue;
        }

        public static int CountsFor(int resistanceOhms, int pullUpOhms, int maxCounts)
        {
            return (int)((long)maxCounts * resistanceOhms / ((long)resistanceOhms + pullUpOhms));
        }
    }
}
