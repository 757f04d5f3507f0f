namespace Charger.Firmware.Thermal
{
    /// <summary>
    /// All temperature sensors with their derating. Read once per tick by the safety supervisor; the
    /// worst stage of any sensor limits the offer. An open or shorted sensor forces its stage to stop.
    /// </summary>
    public sealed class ThermalMonitor
    {
        private readonly NtcThermistor[] _sensors;
        private readonly ThermalDerating[] _deratings;
        private DeratingStage _worstStage;
        private int _faultySensor = -1;
        private int _overTemperatureSensor = -1;

        public ThermalMonitor(NtcThermistor[] sensors, ThermalDerating[] deratings)
        {
            if (sensors == null || deratings == null || sensors.Length != deratings.Length)
            {
                throw new System.ArgumentException("every thermistor needs exactly one derating");
            }

            _sensors = sensors;
            _deratings = deratings;
        }

        public int SensorCount
        {
            get { return _sensors.Length; }
        }

        public DeratingStage WorstStage
        {
            get { return _worstStage; }
        }

        public bool AnySensorFault
        {
            get { return _faultySensor >= 0; }
        }

        /// <summary>Index of the first open or shorted sensor, -1 when all read.</summary>
        public int FaultySensorIndex
        {
            get { return _faultySensor; }
        }

        /// <summary>A readable sensor sits in its stop stage.</summary>
        public bool OverTemperature
        {
            get { return _overTemperatureSensor >= 0; }
        }

        /// <summary>Index of the first readable sensor in its stop stage, -1 when none.</summary>
        public int OverTemperatureSensorIndex
        {
            get { return _overTemperatureSensor; }
        }

        public NtcThermistor GetSensor(int index)
        {
            return _sensors[index];
        }

        public double GetTemperatureC(int index)
        {
            return _sensors[index].TemperatureC;
        }

        public SensorStatus GetStatus(int index)
        {
            return _sensors[index].Status;
        }

        public DeratingStage GetStage(int index)
        {
            return _deratings[index].Stage;
        }

        public double GetStopC(int index)
        {
            return _deratings[index].StopC;
        }

        public void Update()
        {
            DeratingStage worst = DeratingStage.None;
            int faulty = -1;
            int hot = -1;
            for (int i = 0; i < _sensors.Length; i++)
            {
                DeratingStage stage;
                if (_sensors[i].Read() == SensorStatus.Ok)
                {
                    stage = _deratings[i].Update(_sensors[i].TemperatureC);
                    if (stage == DeratingStage.Stop && hot < 0)
                    {
                        hot = i;
                    }
                }
                else
                {
                    _deratings[i].ForceStop();
                    stage = DeratingStage.Stop;
                    if (faulty < 0)
                    {
                        faulty = i;
                    }
                }

                if (stage > worst)
                {
                    worst = stage;
                }
            }

            _worstStage = worst;
            _faultySensor = faulty;
            _overTemperatureSensor = hot;
        }
    }
}
