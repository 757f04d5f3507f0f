using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.NetworkProfiles;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.Transport
{
    /// <summary>
    /// Puts the network profile the <see cref="NetworkProfileSelector"/> chose into the
    /// <see cref="ConnectionManager"/> (URL, security profile) and the RPC (messageTimeout), and
    /// tells the selector about each failed attempt so it can fall back (B10). The logic lives in
    /// Charger.Ocpp.Core; this is the thin wiring.
    /// </summary>
    public sealed class NetworkProfileFailover
    {
        private readonly NetworkProfileSelector _selector;
        private readonly ConnectionManager _connection;
        private readonly CoreVariables _vars;
        private readonly RpcEndpoint _rpc;
        private int _failedSeen;
        private bool _misconfiguredSeen;

        public NetworkProfileFailover(NetworkProfileSelector selector, ConnectionManager connection, CoreVariables vars, RpcEndpoint rpc)
        {
            _selector = selector;
            _connection = connection;
            _vars = vars;
            _rpc = rpc;
        }

        /// <summary>B10.FR.04: the first usable entry of NetworkConfigurationPriority.</summary>
        public void Start()
        {
            _selector.AttemptsPerProfile = (int)_vars.NetworkProfileConnectionAttempts.IntValue;
            if (_selector.Start() != null)
            {
                Apply();
            }
            else
            {
                _vars.Model.SetInternal(_vars.ActiveNetworkProfile, AttributeType.Actual, "-1");
            }
        }

        /// <summary>After the connection's tick: count its failed attempts and switch profile when due.</summary>
        public void Tick()
        {
            int failed = _connection.FailedAttempts;
            if (failed > _failedSeen)
            {
                _selector.AttemptsPerProfile = (int)_vars.NetworkProfileConnectionAttempts.IntValue;
                if (_selector.OnAttemptFailed())
                {
                    Apply();
                }
            }

            _failedSeen = failed;
            bool misconfigured = _connection.State == ConnectionState.Misconfigured;
            if (misconfigured && !_misconfiguredSeen && _selector.Skip())
            {
                Apply();
                misconfigured = false;
            }

            _misconfiguredSeen = misconfigured;
        }

        private void Apply()
        {
            NetworkProfile p = _selector.Active;
            _connection.UseProfile(p.CsmsUrl, p.SecurityProfile);
            _rpc.MessageTimeoutMs = p.MessageTimeoutS * 1000;
            _vars.Model.SetInternal(_vars.ActiveNetworkProfile, AttributeType.Actual, p.Slot.ToString());
        }
    }
}
