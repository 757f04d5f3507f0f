using Charger.Firmware.Charging;
using Charger.Firmware.Console;
using Charger.Firmware.Control;
using Charger.Firmware.Diagnostics;
using Charger.Firmware.Pilot;
using Charger.Firmware.Thermal;
using Charger.Metering;
using Charger.Metering.Service;

namespace Charger.Firmware.Station
{
    /// <summary>
    /// Status lines for the console, first line of each topic being the headline that <c>status</c>
    /// shows. The OCPP glue supplies the OCPP and transaction topics through <see cref="Ocpp"/>.
    /// </summary>
    public sealed class StationStatusSource : IConsoleStatusSource
    {
        private readonly ChargeController _controller;
        private readonly MeterService _meter;
        private readonly StationSettings _settings;

        public StationStatusSource(ChargeController controller, MeterService meter, StationSettings settings)
        {
            _controller = controller;
            _meter = meter;
            _settings = settings;
        }

        /// <summary>Answers ConsoleTopic.Ocpp and ConsoleTopic.Transaction once the OCPP client is built.</summary>
        public IConsoleStatusSource Ocpp { get; set; }

        public int ReadLines(ConsoleTopic topic, string[] destination)
        {
            switch (topic)
            {
                case ConsoleTopic.Pilot:
                    return Pilot(destination);
                case ConsoleTopic.Contactor:
                    return Put(destination, 0, "contactor " + OpenClosed(_controller.ContactorCommandedClosed)
                        + " (feedback " + OpenClosed(_controller.ContactorFeedbackClosed) + ")");
                case ConsoleTopic.Meter:
                    return Meter(destination);
                case ConsoleTopic.Temps:
                    return Temps(destination);
                case ConsoleTopic.Ocpp:
                case ConsoleTopic.Transaction:
                case ConsoleTopic.Crls:
                    if (Ocpp != null)
                    {
                        return Ocpp.ReadLines(topic, destination);
                    }

                    return Put(destination, 0, topic == ConsoleTopic.Ocpp ? "ocpp: not configured in this build"
                        : topic == ConsoleTopic.Crls ? "crls: none (no OCPP client in this build)" : "transaction: none");
                case ConsoleTopic.Slots:
                    return Put(destination, 0, "slots: this build has no A/B slot manager");
                default:
                    return Put(destination, 0, "ChargerFirmware " + StationSettings.FirmwareVersion + " (" + _settings.Vendor + " "
                        + _settings.Model + ", serial " + _settings.SerialNumber + ")");
            }
        }

        private int Pilot(string[] d)
        {
            int n = Put(d, 0, "pilot " + IecStateText.Of(_controller.State) + ", offer " + NumberText.Fixed(_controller.OfferA, 1)
                + " A, duty " + NumberText.Fixed(_controller.DutyPermille / 10.0, 1) + " %");
            n = Put(d, n, "level " + PilotLevelText.Of(_controller.PilotLevel) + ", PWM " + (_controller.PwmOfferActive ? "on" : "off")
                + ", authorized " + (_controller.Authorized ? "yes" : "no"));
            return Put(d, n, "cable " + CableStatusText.Of(_controller.CableStatus) + ", rating " + NumberText.Fixed(_controller.CableRatingDa / 10.0, 0) + " A");
        }

        private int Meter(string[] d)
        {
            if (_meter == null)
            {
                return Put(d, 0, "meter: none fitted");
            }

            MeterReading r = _meter.LatestReading;
            string health = MeterHealthText.Of(_meter.Health) + (_meter.DataMissing ? ", data missing" : "");
            if (r == null)
            {
                return Put(d, 0, "meter " + health + ", no reading yet");
            }

            int n = Put(d, 0, "meter " + health + ": " + NumberText.Fixed(r.EnergyActiveImportWh, 0) + " Wh, "
                + NumberText.Fixed(r.PowerActiveImportW, 0) + " W");
            for (int phase = 1; phase <= r.PhaseCount; phase++)
            {
                n = Put(d, n, "L" + phase + " " + NumberText.Fixed(r.GetCurrentA(phase), 1) + " A, "
                    + NumberText.Fixed(r.GetVoltageV(phase), 1) + " V");
            }

            return Put(d, n, NumberText.Fixed(r.FrequencyHz, 2) + " Hz, polls " + _meter.PollsSucceeded + " ok / " + _meter.PollsFailed + " failed");
        }

        private int Temps(string[] d)
        {
            int count = _controller.TemperatureSensorCount;
            if (count == 0)
            {
                return Put(d, 0, "temps: no sensors");
            }

            string headline = "temps";
            int n = 1;
            for (int i = 0; i < count; i++)
            {
                ThermistorSettings s = _controller.Config.Thermistors != null ? _controller.Config.Thermistors[i] : null;
                string name = s != null ? s.Name : "ntc" + i;
                SensorStatus status = _controller.GetTemperatureStatus(i);
                string value = status == SensorStatus.Ok ? NumberText.Fixed(_controller.GetTemperatureC(i), 1) + " C" : "sensor " + SensorStatusText.Describe(status);
                headline += (i == 0 ? ": " : ", ") + name + " " + value;
                n = Put(d, n, name + ": " + value + ", derating " + DeratingStageText.Of(_controller.GetDeratingStage(i)));
            }

            Put(d, 0, headline);
            return n;
        }

        private static string OpenClosed(bool closed)
        {
            return closed ? "closed" : "open";
        }

        private static int Put(string[] destination, int index, string line)
        {
            if (index < destination.Length)
            {
                destination[index] = line;
                return index + 1;
            }

            return index;
        }
    }
}
