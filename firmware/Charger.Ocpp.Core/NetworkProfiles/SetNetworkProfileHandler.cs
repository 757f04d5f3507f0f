using Charger.Hal;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.NetworkProfiles
{
    /// <summary>
    /// SetNetworkProfile (OCPP 2.0.1 B09): validates the slot and the NetworkConnectionProfile, stores
    /// it in the slot (power-cut safe), and answers
    /// <list type="bullet">
    /// <item>Accepted: stored (B09.FR.01); it is used when NetworkConfigurationPriority names the slot, after a reboot;</item>
    /// <item>Rejected InvalidConfSlot: the slot is not one of NetworkConfigurationPriority's valuesList (B09.FR.05);</item>
    /// <item>Rejected ActiveNetworkConf: the slot is the one the station is connected with now (ours, by analogy
    ///   with OCPP 2.1 B09.FR.22: overwriting it would leave no working profile to fall back to);</item>
    /// <item>Rejected NoSecurityDowngrade: securityProfile below the active one (B09.FR.04, A05);</item>
    /// <item>Rejected InvalidNetworkConf: content this station cannot use (B09.FR.02), additionalInfo says what;</item>
    /// <item>Failed: the store refused the record (B09.FR.03).</item>
    /// </list>
    /// Members missing or of the wrong type never reach here: the schema answers with a CALLERROR.
    /// </summary>
    public sealed class SetNetworkProfileHandler : IIncomingCallHandler
    {
        public const string Action = "SetNetworkProfile";
        private const string Component = "ocpp.netprof";

        private static readonly string[] Versions = { "OCPP12", "OCPP15", "OCPP16", "OCPP20" };
        private static readonly string[] Transports = { "JSON", "SOAP" };
        private static readonly string[] Interfaces =
        {
            "Wired0", "Wired1", "Wired2", "Wired3", "Wireless0", "Wireless1", "Wireless2", "Wireless3",
        };

        private readonly NetworkProfileStore _profiles;
        private readonly NetworkProfileSelector _selector;
        private readonly ILog _log;
        private int _accepted;

        public SetNetworkProfileHandler(NetworkProfileStore profiles, NetworkProfileSelector selector, ILog log)
        {
            _profiles = profiles;
            _selector = selector;
            _log = log;
        }

        /// <summary>Profiles stored since start.</summary>
        public int Accepted
        {
            get { return _accepted; }
        }

        /// <summary>SetNetworkProfileRequest as in the OCPP 2.0.1 JSON schema.</summary>
        public static SchemaNode RequestSchema()
        {
            SchemaNode apn = SchemaNode.Object()
                .Required("apn", SchemaNode.String(512))
                .Optional("apnUserName", SchemaNode.String(20))
                .Optional("apnPassword", SchemaNode.String(20))
                .Optional("simPin", SchemaNode.Integer())
                .Optional("preferredNetwork", SchemaNode.String(6))
                .Optional("useOnlyPreferredNetwork", SchemaNode.Boolean())
                .Required("apnAuthentication", SchemaNode.Enum(new string[] { "CHAP", "NONE", "PAP", "AUTO" }));
            SchemaNode vpn = SchemaNode.Object()
                .Required("server", SchemaNode.String(512))
                .Required("user", SchemaNode.String(20))
                .Optional("group", SchemaNode.String(20))
                .Required("password", SchemaNode.String(20))
                .Required("key", SchemaNode.String(255))
                .Required("type", SchemaNode.Enum(new string[] { "IKEv2", "IPSec", "L2TP", "PPTP" }));
            return SchemaNode.Object()
                .Required("configurationSlot", SchemaNode.Integer())
                .Required("connectionData", SchemaNode.Object()
                    .Optional("apn", apn)
                    .Required("ocppVersion", SchemaNode.Enum(Versions))
                    .Required("ocppTransport", SchemaNode.Enum(Transports))
                    .Required("ocppCsmsUrl", SchemaNode.String(512))
                    .Required("messageTimeout", SchemaNode.Integer())
                    .Required("securityProfile", SchemaNode.Integer())
                    .Required("ocppInterface", SchemaNode.Enum(Interfaces))
                    .Optional("vpn", vpn));
        }

        public void Handle(IncomingCall call)
        {
            JsonValue p = call.Payload;
            long slot = p.GetInteger("configurationSlot", -1);
            string reason = null;
            string info = null;
            NetworkProfile profile = null;
            if (!NetworkProfileStore.IsSlot(slot))
            {
                reason = "InvalidConfSlot";
                info = "configurationSlot " + slot.ToString() + " is not one of " + NetworkProfileStore.ValuesList();
            }
            else if ((int)slot == _selector.ActiveSlot)
            {
                reason = "ActiveNetworkConf";
                info = "configurationSlot " + slot.ToString() + " is the profile in use";
            }
            else
            {
                profile = NetworkProfile.FromConnectionData((int)slot, p.Get("connectionData"));
                info = NetworkProfileCheck.Problem(profile);
                if (info != null)
                {
                    reason = "InvalidNetworkConf";
                }
                else if (profile.SecurityProfile < _selector.SecurityFloor)
                {
                    reason = "NoSecurityDowngrade";
                    info = "securityProfile " + profile.SecurityProfile.ToString() + " is below the active " + _selector.SecurityFloor.ToString();
                }
            }

            string status = "Accepted";
            if (reason != null)
            {
                status = "Rejected";
            }
            else if (!_profiles.Save(profile))
            {
                status = "Failed";
                reason = "WriteFailed";
                info = "the profile could not be stored";
            }
            else
            {
                _accepted++;
            }

            if (reason != null)
            {
                _log.Write(LogLevel.Warning, Component, "SetNetworkProfile slot " + slot.ToString() + " " + status + ": " + reason + " (" + info + ")");
            }

            JsonWriter w = call.Response;
            w.BeginObject();
            w.Property("status", status);
            if (reason != null)
            {
                w.Name("statusInfo");
                w.BeginObject();
                w.Property("reasonCode", reason);
                w.Property("additionalInfo", JsonWriter.Truncate(info, 512));
                w.EndObject();
            }

            w.EndObject();
        }
    }
}
