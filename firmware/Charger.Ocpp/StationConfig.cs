namespace Charger.Ocpp
{
    /// <summary>
    /// What the board tells the OCPP client about itself at start-up: identity, CSMS address,
    /// topology. Values the CSMS may change later live in the device model instead.
    /// </summary>
    public sealed class StationConfig
    {
        /// <summary>Charging station identity: the last URL segment and the Basic-auth user (OCPP 2.0.1 part 2 A00.FR.2xx).</summary>
        public string StationId = "CS001";

        /// <summary>CSMS WebSocket base URL without the station id, e.g. "wss://csms.example/ocpp".</summary>
        public string CsmsUrl = "ws://localhost:9000";

        public string VendorName = "ChargerFirmware";

        public string Model = "AC-22";

        public string SerialNumber;

        public string FirmwareVersion = "0.1.0";

        /// <summary>
        /// Security profile 1 (Basic auth over ws), 2 (Basic auth over wss, the CSMS checked
        /// against the CSMS root certificates) or 3 (wss with a client certificate, no password).
        /// </summary>
        public int SecurityProfile = 1;

        /// <summary>
        /// PEM of the CSMS root certificate(s) provisioned with the station (profiles 2 and 3),
        /// concatenated. Without one a wss:// CSMS is never trusted.
        /// </summary>
        public string CsmsRootCertificatesPem;

        /// <summary>The station's client certificate for profile 3, PEM (leaf first).</summary>
        public string ClientCertificatePem;

        /// <summary>The client certificate's private key for profile 3, PEM.</summary>
        public string ClientPrivateKeyPem;

        /// <summary>Initial SecurityCtrlr.BasicAuthPassword when the file store holds none.</summary>
        public string BasicAuthPassword;

        /// <summary>Connectors on each EVSE; the array length is the EVSE count (EVSE ids start at 1).</summary>
        public int[] ConnectorsPerEvse = new int[] { 1 };

        /// <summary>
        /// Monotonic time (ms) at which the client is built: interrupted transactions are ended
        /// at this time (issue 17 item 5). 0 on a board, which builds the client at boot; the
        /// firmware sets it from its clock.
        /// </summary>
        public long StartedAtTickMs;

        /// <summary>Power rating of each EVSE in W (EVSE.Power MaxSet).</summary>
        public int EvseMaxPowerW = 22000;

        /// <summary>OCPP ConnectorEnumType of every connector ("cType2", "sType2", ...).</summary>
        public string ConnectorType = "cType2";

        /// <summary>Security events the persistent security log keeps (A04); the oldest is dropped beyond it.</summary>
        public int SecurityLogCapacity = Security.SecurityLog.DefaultCapacity;
    }
}
