namespace Charger.Hal
{
    /// <summary>
    /// What a wss:// connection trusts and presents (OCPP 2.0.1 part 2 A00, security profiles 2
    /// and 3). Every WebSocket adapter applies the same rules: the server certificate must chain to
    /// one of <see cref="TrustedRootsPem"/>, be valid now and name the host of the URL; without a
    /// trusted root the adapter refuses to connect rather than trust anything.
    /// </summary>
    public sealed class TlsSettings
    {
        public TlsSettings(string trustedRootsPem, string clientCertificatePem, string clientPrivateKeyPem)
        {
            TrustedRootsPem = trustedRootsPem;
            ClientCertificatePem = clientCertificatePem;
            ClientPrivateKeyPem = clientPrivateKeyPem;
        }

        /// <summary>One or more PEM certificates, concatenated: the installed CSMSRootCertificate(s).</summary>
        public string TrustedRootsPem { get; private set; }

        /// <summary>The station's client certificate (profile 3), PEM, leaf first then any chain; null under profile 2.</summary>
        public string ClientCertificatePem { get; private set; }

        /// <summary>The client certificate's private key, PEM (PKCS#8 or SEC1); null under profile 2.</summary>
        public string ClientPrivateKeyPem { get; private set; }

        /// <summary>True when at least one PEM certificate block is present in <see cref="TrustedRootsPem"/>.</summary>
        public bool HasTrustedRoot
        {
            get { return TrustedRootsPem != null && TrustedRootsPem.IndexOf("-----BEGIN CERTIFICATE-----") >= 0; }
        }

        /// <summary>
        /// Why an https:// transfer under <paramref name="trust"/> (what the transfer's source gave,
        /// read once per transfer) may not start, or null when it may: the one rule every HTTP
        /// transfer adapter applies before it connects.
        /// </summary>
        public static string WhyNoHttps(TlsSettings trust)
        {
            return trust != null && trust.HasTrustedRoot ? null : NoRootForHttps;
        }

        /// <summary>The reason an https:// transfer without a trusted root fails with.</summary>
        public const string NoRootForHttps = "TLS: no trusted root certificate installed; not using an https:// server";

        /// <summary>True when a client certificate and its key are both present (profile 3).</summary>
        public bool HasClientCertificate
        {
            get
            {
                return ClientCertificatePem != null && ClientCertificatePem.IndexOf("-----BEGIN CERTIFICATE-----") >= 0 &&
                    ClientPrivateKeyPem != null && ClientPrivateKeyPem.IndexOf("PRIVATE KEY-----") >= 0;
            }
        }
    }

    /// <summary>Gives the TLS material in force now (read at every connection or transfer).</summary>
    public delegate TlsSettings TlsSettingsSource();

    /// <summary>WebSocket close codes the adapters report (RFC 6455 section 7.4.1).</summary>
    public static class WebSocketCloseCodes
    {
        /// <summary>No status code was received (the peer's code is not exposed).</summary>
        public const int NoStatus = 1005;

        /// <summary>Closed abnormally, no close frame: failed connects, dropped links.</summary>
        public const int Abnormal = 1006;

        /// <summary>A message too big to process.</summary>
        public const int MessageTooBig = 1009;

        /// <summary>
        /// The TLS handshake failed: the server certificate was not trusted, expired, or named
        /// another host, or no trusted root was installed. The OCPP layer raises the security event
        /// InvalidCsmsCertificate for it.
        /// </summary>
        public const int TlsHandshakeFailure = 1015;
    }
}
