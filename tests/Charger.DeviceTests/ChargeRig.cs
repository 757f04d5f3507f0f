using Charger.Firmware.Control;
using Charger.Firmware.Runtime;
using Charger.Firmware.Thermal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Pilot;

namespace Charger.DeviceTests
{
    /// <summary>
    /// The charge-control core on the simulated HAL with a 10 ms runtime, as the desktop tests'
    /// ChargerRig builds it: pilot model with an EV, proximity with a 32 A cable, RCD, e-stop,
    /// contactor with auxiliary contact, NTCs at 25 °C, optional meter reports every tick.
    /// A new rig per test: the real launcher shares nothing between test methods.
    /// </summary>
    public sealed class ChargeRig
    {
        public const int TickMs = 10;
        public const int ThermistorSeriesOhms = 10000;

        private readonly BetaNtcModel _ntc = new BetaNtcModel();

        public ChargeRig() : this(new ChargeControlConfig(), 2)
        {
        }

        /// <param name="config">A configuration the test adjusted; the rig does not change it.</param>
        public ChargeRig(ChargeControlConfig config, int thermistors)
        {
            Clock = new VirtualClock(1000);
            Log = new ListLog();
            PilotAdc = new SimAdcChannel(4095);
            Pwm = new SimPwmOutput(1000);
            Ev = new SimPilotSignal(PilotAdc, Pwm);
            ProximityAdc = new SimAdcChannel(4095);
            Cable = new SimProximity(ProximityAdc, ChargeControlConfig.DefaultProximityPullUpOhms);
            Cable.Plug(SimProximity.Cable32AOhms);
            Rcd = new SimDigitalInput(false);
            EmergencyStop = new SimDigitalInput(false);
            Coil = new SimDigitalOutput();
            Aux = new SimDigitalInput(false);
            Contactor = new SimContactor(Coil, Aux, 20);
            Thermistors = new SimAdcChannel[thermistors];
            for (int i = 0; i < thermistors; i++)
            {
                Thermistors[i] = new SimAdcChannel(4095);
            }

            ChargerHardware hardware = new ChargerHardware();
            hardware.PilotAdc = PilotAdc;
            hardware.PilotPwm = Pwm;
            hardware.ProximityAdc = ProximityAdc;
            hardware.RcdTrip = Rcd;
            hardware.EmergencyStop = EmergencyStop;
            hardware.ContactorCoil = Coil;
            hardware.ContactorFeedback = Aux;
            hardware.Thermistors = Thermistors;

            Config = config;
            Controller = new ChargeController(hardware, config, Log);
            Events = new RecordingChargerEvents();
            Controller.AddEventSink(Events);
            Runtime = new ChargerRuntime(Log, new SimWatchdog(Clock), TickMs, 16, 8);
            Controller.Register(Runtime);
            for (int i = 0; i < thermistors; i++)
            {
                SetTemperature(i, 25.0);
            }
        }

        public VirtualClock Clock { get; private set; }

        public ListLog Log { get; private set; }

        public SimAdcChannel PilotAdc { get; private set; }

        public SimPwmOutput Pwm { get; private set; }

        public SimPilotSignal Ev { get; private set; }

        public SimAdcChannel ProximityAdc { get; private set; }

        public SimProximity Cable { get; private set; }

        public SimDigitalInput Rcd { get; private set; }

        public SimDigitalInput EmergencyStop { get; private set; }

        public SimDigitalOutput Coil { get; private set; }

        public SimDigitalInput Aux { get; private set; }

        public SimContactor Contactor { get; private set; }

        public SimAdcChannel[] Thermistors { get; private set; }

        public ChargeControlConfig Config { get; private set; }

        public ChargeController Controller { get; private set; }

        public RecordingChargerEvents Events { get; private set; }

        public ChargerRuntime Runtime { get; private set; }

        public long NowMs
        {
            get { return Clock.NowMs; }
        }

        /// <summary>When true, a meter reports <see cref="EvCurrentA"/> on every phase before each tick (0 A while open).</summary>
        public bool MeterReporting { get; set; }

        public double EvCurrentA { get; set; }

        public void Tick()
        {
            Clock.Advance(TickMs);
            Contactor.Step(Clock.NowMs);
            if (MeterReporting)
            {
                double drawn = Contactor.Closed ? EvCurrentA : 0.0;
                Controller.ReportMeter(Clock.NowMs, true, drawn, drawn, drawn);
            }

            Runtime.Tick(Clock.NowMs);
        }

        public void RunMs(int ms)
        {
            for (int i = 0; i < ms / TickMs; i++)
            {
                Tick();
            }
        }

        /// <summary>Ticks until the coil reads <paramref name="energised"/>; the ticks taken, or -1 after <paramref name="maxTicks"/>.</summary>
        public int TicksUntilCoil(bool energised, int maxTicks)
        {
            for (int i = 1; i <= maxTicks; i++)
            {
                Tick();
                if (Coil.State == energised)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Ticks until the pilot duty differs from <paramref name="duty"/>; the ticks taken, or -1.</summary>
        public int TicksUntilDutyLeaves(double duty, int maxTicks)
        {
            for (int i = 1; i <= maxTicks; i++)
            {
                Tick();
                if (Pwm.DutyCycle != duty)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Puts the NTC of <paramref name="sensor"/> at a temperature through the 10 kΩ divider.</summary>
        public void SetTemperature(int sensor, double temperatureC)
        {
            double ohms = _ntc.ResistanceOhmsAt(temperatureC);
            Thermistors[sensor].Value = (int)System.Math.Round(4095.0 * ohms / (ohms + ThermistorSeriesOhms));
        }

        /// <summary>Plug in an EV in B, authorize, let it request charge (C) and wait for the contactor.</summary>
        public void StartCharging()
        {
            Ev.EvState = EvPilotState.B;
            RunMs(50);
            Controller.SetAuthorized(true);
            RunMs(50);
            Ev.EvState = EvPilotState.C;
            RunMs(100);
        }
    }
}
