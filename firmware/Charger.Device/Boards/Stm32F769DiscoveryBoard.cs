using System.Device.Adc;
using System.Device.Gpio;
using System.IO.Ports;
using Charger.Hal;
using Charger.Hal.Nano;

namespace Charger.Device.Boards
{
    /// <summary>
    /// STM32F769I-DISCO (nanoFramework target ST_STM32F769I_DISCOVERY) with the charger carrier on its
    /// Arduino header. On STM32 the pin functions are fixed by the target build (no run-time routing):
    /// UARTs are COMn by USART number and ADC channels are the target's channel indices. The pin and
    /// channel choices below are the carrier board's wiring; check them against its schematic.
    /// </summary>
    public sealed class Stm32F769DiscoveryBoard : IBoard
    {
        // nanoFramework numbers STM32 GPIOs as port * 16 + pin (PA0 = 0, PB0 = 16, ... PJ0 = 144).
        private const int PortA = 0;
        private const int PortF = 5;
        private const int PortJ = 9;
        private const int PinsPerPort = 16;

        private static readonly int PilotPwmPin = Pin(PortA, 8);          // TIM1_CH1
        private static readonly int ContactorCoilPin = Pin(PortJ, 1);
        private static readonly int ContactorFeedbackPin = Pin(PortJ, 0);
        private static readonly int ConnectorLockPin = Pin(PortF, 6);
        private static readonly int ResidualCurrentTripPin = Pin(PortJ, 3);
        private static readonly int EmergencyStopPin = Pin(PortJ, 4);
        private static readonly int ConnectorLockFeedbackPin = Pin(PortF, 7); // closed to ground when locked
        private static readonly int StatusLedPin = Pin(PortJ, 13);        // LD1 on the Discovery board

        // Target ADC channel indices for the Arduino A0 and A1 inputs.
        private const int PilotSenseAdcChannel = 0;
        private const int ProximitySenseAdcChannel = 1;

        // USART6 on the Arduino D0/D1 pins; the target's RS-485 mode drives DE from RTS.
        private const string MeterPort = "COM6";
        private const int ConnectorNtcAdcChannel = 2;    // Arduino header A2
        private const int InternalNtcAdcChannel = 3;     // Arduino header A3
        private const int MeterBaudRate = 9600;

        // IEC 61851-1 Annex A: 1 kHz pilot; Table A.2: +12 V steady (duty 1.0) is state A.
        private const int PilotFrequencyHz = 1000;
        private const double PilotIdleDuty = 1.0;

        // The target must mount a LittleFS drive as I: (QSPI flash); without it, mount the SD card here.
        private const string StorageFolder = "I:\\charger";

        public string Name
        {
            get { return "STM32F769I-DISCO (ST_STM32F769I_DISCOVERY)"; }
        }

        public DeviceHal CreateHal(IClock clock, ILog log)
        {
            GpioController gpio = new GpioController();
            AdcController adc = new AdcController();
            DeviceHal hal = new DeviceHal();
            hal.Clock = clock;
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

            // No console UART on this board: the ST-LINK virtual COM port carries the nanoFramework
            // debugger and COM6 the meter bus. A carrier board with a spare UART sets ConsolePort.
            hal.ConsolePort = null;
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

        private static int Pin(int port, int pin)
        {
            return port * PinsPerPort + pin;
        }
    }
}
