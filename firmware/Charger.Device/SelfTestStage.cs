using Charger.Firmware.Runtime;
using Charger.Firmware.Station;
using Charger.Hal;
using Charger.Ocpp.Rpc;
using Charger.Ota;
using Charger.Ota.Boot;

namespace Charger.Device
{
    /// <summary>
    /// Feeds the trial image's self-test once per tick (<see cref="SelfTestPolicy"/>, product
    /// defaults): healthy means no active charge-control fault; the OCPP side is the registration
    /// state and the connection. A pass confirms the image; a failure rolls it back and reboots
    /// into the confirmed one. On a confirmed image it does nothing after its first tick.
    /// </summary>
    public sealed class SelfTestStage : ITickStage
    {
        private readonly ChargingStation _station;
        private readonly TrialConfirmation _confirmation;
        private readonly IRebootController _reboot;
        private bool _rebooting;

        public SelfTestStage(ChargingStation station, IBootContext boot, IRebootController reboot)
        {
            _station = station;
            _confirmation = new TrialConfirmation(boot, SelfTestPolicy.ProductDefault());
            _reboot = reboot;
        }

        public string Name
        {
            get { return "selftest"; }
        }

        public void Tick(long nowMs)
        {
            bool accepted = _station.Ocpp != null && _station.Ocpp.Registration.State == RegistrationState.Accepted;
            bool online = _station.Ocpp != null && _station.Ocpp.Connection.IsConnected;
            _confirmation.Tick(nowMs, _station.Controller.ActiveFaultCount == 0, accepted, online);
            if (_confirmation.RebootRequested && !_rebooting && _reboot != null)
            {
                _rebooting = true;
                _reboot.Reboot("trial image failed its self-test; rolled back to the confirmed image");
            }
        }
    }
}
