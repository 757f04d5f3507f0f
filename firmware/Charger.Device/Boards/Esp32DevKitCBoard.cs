using System.Device.Adc;
using System.Device.Gpio;
using System.IO.Ports;
using Charger.Hal;
using Charger.Hal.Nano;
using nanoFramework.Hardware.Esp32;

namespace Charger.Device.Boards
{
    /// <summary>
    /// ESP32-DevKitC (ESP32-WROOM-32, nanoFramework target ESP32_REV3) on the charger carrier board.
    /// ESP32 peripherals are routed to pins at run time (Configuration.SetPinFunction), so this file
    /// routes before it opens anything. GPIO 34-39 are input-only and have no pull resistors, so no
    /// safety input sits on them: RCD trip, emergency stop and lock feedback use internal pull-ups.
    /// </summary>
    public sealed class Esp32DevKitCBoard : IBoard
    {
        // Carrier board wiring (ESP32 GPIO numbers).
        private const int PilotPwmPin = 25;
        private const int PilotSensePin = 36;            // ADC1_CH0 (SENSOR_VP)
        private const int PilotSenseAdcChannel = 0;
        private const int ProximitySensePin = 39;        // ADC1_CH3 (SENSOR_VN)
        private const int ProximitySenseAdcChannel = 3;
        private const int ContactorCoilPin = 26;
        private const int ContactorFeedbackPin = 27;
        private const int ConnectorLockPin = 14;
        // Fail-safe polarity (issue 12 item 11): RCD and e-stop moved off GPIO 34/35, which have no pull
        // resistors, to pins with internal pull-ups. The field contacts are normally closed to ground, so a
        // trip, a pressed e-stop and a broken wire all read high = tripped.
        private const int ResidualCurrentTripPin = 18;
        private const int EmergencyStopPin = 19;
        private const int ConnectorLockFeedbackPin = 23; // closed to ground when locked
        private const int StatusLedPin = 2;              // on-board blue LED of the DevKitC
        private const int MeterTxPin = 17;
        private const int MeterRxPin = 16;
        private const int MeterDriverEnablePin = 4;      // RTS drives the RS-485 transceiver's DE/RE

        // COM1 carries the nanoFramework debugger/deployment link on ESP32; the meter gets COM2.
        private const string MeterPort = "COM2";
        private const int ConnectorNtcPin = 32;          // ADC1_CH4
        private const int ConnectorNtcAdcChannel = 4;
        private const int InternalNtcPin = 33;           // ADC1_CH5
        private const int InternalNtcAdcChannel = 5;
        private const int ConsoleTxPin = 22;
        private const int ConsoleRxPin = 21;
        private const string ConsolePortName = "COM3";   // COM1 carries the nanoFramework debugger
        private const int ConsoleBaudRate = 115200;

        // Modbus RTU factory default of common DIN-rail meters (9600 8N1); the meter profile can reconfigure.
        private const int MeterBaudRate = 9600;

        // IEC 61851-1 Annex A: the control pilot oscillates at 1 kHz.
        private const int PilotFrequencyHz = 1000;

        // IEC 61851-1 Table A.2: a steady +12 V (duty 1.0) is state A, "no vehicle, no offer".
        private const double PilotIdleDuty = 1.0;

        // Internal flash, LittleFS, mounted as I: by the ESP32 nanoFramework target.
        private const string StorageFolder = "I:\\charger";

        public string Name
        {
            get { return "ESP32-DevKitC (ESP32_REV3)"; }
        }

        public DeviceHal CreateHal(IClock clock, ILog log)
        {
            Configuration.SetPinFunction(PilotPwmPin, DeviceFunction.PWM1);
            Configuration.SetPinFunction(PilotSensePin, DeviceFunction.ADC1_CH0);
            Configuration.SetPinFunction(ProximitySensePin, DeviceFunction.ADC1_CH3);
            Configuration.SetPinFunction(MeterTxPin, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(MeterRxPin, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(MeterDriverEnablePin, DeviceFunction.COM2_RTS);
            Configuration.SetPinFunction(ConnectorNtcPin, DeviceFunction.ADC1_CH4);
            Configuration.SetPinFunction(InternalNtcPin, DeviceFunction.ADC1_CH5);
            Configuration.SetPinFunction(ConsoleTxPin, DeviceFunction.COM3_TX);
            Configuration.SetPinFunction(ConsoleRxPin, DeviceFunction.COM3_RX);

            GpioController gpio = new GpioController();
            AdcController adc = new AdcController();
            DeviceHal hal = new DeviceHal();
            hal.Clock = clock;
            // Outputs first, each at its safe level: contactor open, lock released, LED off.
            hal.ContactorCoil = new NanoDigitalOutput(gpio, ContactorCoilPin, false);
            hal.ConnectorLock = new NanoDigitalOutput(gpio, ConnectorLockPin, false);
            hal.StatusLed = new NanoDigitalOutput(gpio, StatusLedPin, false);
            hal.PilotPwm = new NanoPwmOutput(PilotPwmPin, PilotFrequencyHz, PilotIdleDuty);
            hal.PilotSense = new NanoAdcChannel(adc, PilotSenseAdcChannel);
            hal.ProximitySense = new NanoAdcChannel(adc, ProximitySenseAdcChannel);
            hal.ContactorFeedback = new NanoDigitalInput(gpio, ContactorFeedbackPin, PinMode.InputPullUp);
            hal.ResidualCurrentTrip = new NanoDigitalInput(gpio, ResidualCurrentTripPin, PinMode.InputPullUp);
            hal.EmergencyStop = new NanoDigitalInput(gpio, EmergencyStopPin, PinMode.InputPullUp);
            hal.ConnectorLockFeedback = new NanoDigitalInput(gpio, ConnectorLockFeedbackPin, PinMode.InputPullUp);
            hal.MeterBus = new NanoSerialPort(MeterPort, MeterBaudRate, Parity.None, 8, StopBits.One, true);
            hal.Thermistors = new IAdcChannel[] { new NanoAdcChannel(adc, ConnectorNtcAdcChannel), new NanoAdcChannel(adc, InternalNtcAdcChannel) };
            hal.ThermistorNames = new string[] { "connector", "internal" };
            hal.ConsolePort = new NanoSerialPort(ConsolePortName, ConsoleBaudRate, Parity.None, 8, StopBits.One, false);
            hal.Files = new NanoFileStore(StorageFolder);
            hal.CsmsLink = new NanoWebSocketClient();
            // 2 KB between the tick and the HTTP thread: a log line or a firmware block at a time.
            hal.Http = new NanoHttpTransfer(2048);
            hal.Random = new NanoRandom();
            NanoSoftwareWatchdog watchdog = new NanoSoftwareWatchdog(log);
            // A stalled loop gets the contactor coil dropped by the watchdog's own thread before the reboot.
            watchdog.SafeOutputs = new IDigitalOutput[] { hal.ContactorCoil };
            hal.Watchdog = watchdog;
            hal.Reboot = new NanoRebootController(log);
            return hal;
        }
    }
}
