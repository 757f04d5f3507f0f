using Charger.Hal;

namespace Charger.Ocpp.Transport
{
    /// <summary>
    /// Where the connection takes its TLS material from at each wss:// attempt: the trusted CSMS
    /// roots and, under security profile 3, the client certificate and key. Read at every
    /// attempt, so an installed or renewed certificate counts from the next connection.
    /// </summary>
    public interface ITlsSource
    {
        TlsSettings Current();
    }

    /// <summary>The material provisioned in <see cref="StationConfig"/>.</summary>
    public sealed class ConfigTlsSource : ITlsSource
    {
        private readonly StationConfig _config;

        public ConfigTlsSource(StationConfig config)
        {
            _config = config;
        }

        public TlsSettings Current()
        {
            return new TlsSettings(_config.CsmsRootCertificatesPem, _config.ClientCertificatePem, _config.ClientPrivateKeyPem);
        }
    }
}
