using System.Text;
using Charger.Hal;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Json;

namespace Charger.Ocpp.Security
{
    /// <summary>
    /// SecurityCtrlr.SecurityProfile may only go up (A05): the highest profile the station has ever
    /// connected with is kept in <see cref="RecordName"/>, and a configuration asking for less is
    /// refused at start (the station does not connect and logs why). The CSMS cannot write the
    /// variable (ReadOnly; SetVariables answers Rejected); a profile change arrives through
    /// SetNetworkProfile, which asks <see cref="AllowsChangeTo"/> first.
    /// </summary>
    public sealed class SecurityProfilePolicy
    {
        public const string RecordName = "sec-profile";
        private const string Component = "security";

        private readonly IFileStore _store;
        private readonly ILog _log;
        private int _floor;

        public SecurityProfilePolicy(IFileStore store, ILog log)
        {
            _store = store;
            _log = log;
            byte[] stored = store.Read(RecordName);
            long floor;
            if (stored != null && JsonNumber.TryParseInteger(Encoding.UTF8.GetString(stored, 0, stored.Length), out floor) && floor >= 0 && floor <= 3)
            {
                _floor = (int)floor;
            }
        }

        /// <summary>The lowest profile still allowed (0: never connected yet).</summary>
        public int Floor
        {
            get { return _floor; }
        }

        /// <summary>A05: no downgrade. A profile outside 1..3 is never allowed.</summary>
        public bool AllowsChangeTo(int profile)
        {
            return profile >= 1 && profile <= 3 && profile >= _floor;
        }

        /// <summary>
        /// At start: when the configured profile is below the floor, the variable is raised to the
        /// floor (so the connection manager refuses the weaker URL) and false is returned.
        /// </summary>
        public bool Enforce(StationDeviceModel model, Variable securityProfile)
        {
            int configured = (int)securityProfile.IntValue;
            if (configured >= _floor)
            {
                return true;
            }

            _log.Write(LogLevel.Error, Component, "configured security profile " + configured + " is below profile " + _floor
                + " already used; downgrade refused (A05)");
            model.SetInternal(securityProfile, AttributeType.Actual, _floor.ToString());
            return false;
        }

        /// <summary>A connection succeeded with <paramref name="profile"/>: it becomes the floor when higher.</summary>
        public void OnConnected(int profile)
        {
            if (profile <= _floor)
            {
                return;
            }

            _floor = profile;
            byte[] bytes = Encoding.UTF8.GetBytes(profile.ToString());
            try
            {
                _store.WriteAtomic(RecordName, bytes, bytes.Length);
            }
            catch (StorageFullException e)
            {
                _log.Write(LogLevel.Error, Component, "security profile floor not saved: " + e.Message);
            }
        }
    }
}
