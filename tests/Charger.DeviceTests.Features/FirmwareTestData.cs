namespace Charger.DeviceTests
{
    /// <summary>
    /// The simulator's firmware PKI (hardware-sims/Charger.Sim/Firmware/SimFirmwarePki.cs, made by
    /// openssl ca, RSA-2048; its untrusted signer is left out: the on-target string table is full, and
    /// <see cref="CryptoTestData.RootPem"/> serves as a certificate of another root) and the signature
    /// its signer key made over the whole file of the bundle
    /// <see cref="FirmwareSignatureOnTargetTests"/> builds (SimFirmware.BuildBundle("0.2.0", StationEntry, 600)).
    /// A desktop test (Charger.Sim.Tests, SimFirmwareOnTargetDataTests) recomputes the signature, so the two cannot drift.
    /// </summary>
    public static class FirmwareTestData
    {
        public static readonly string ManufacturerRootPem =
            "-----BEGIN CERTIFICATE-----\n"
            + "MIIDRjCCAi6gAwIBAgICEAEwDQYJKoZIhvcNAQELBQAwRDEeMBwGA1UEAwwVU2lt\n"
            + "IE1hbnVmYWN0dXJlciBSb290MSIwIAYDVQQKDBlDaGFyZ2VyRmlybXdhcmUgU2lt\n"
            + "dWxhdG9yMB4XDTI1MDEwMTAwMDAwMFoXDTQ0MTIzMTAwMDAwMFowRDEeMBwGA1UE\n"
            + "AwwVU2ltIE1hbnVmYWN0dXJlciBSb290MSIwIAYDVQQKDBlDaGFyZ2VyRmlybXdh\n"
            + "cmUgU2ltdWxhdG9yMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtJV7\n"
            + "3z6r23PuFfGeZ14njKNgzv15GwJ0tELRJ3vnxCzFfL5gunndNQ/MCabo0THCcv55\n"
            + "aPpsmJDVFCKkOl6bgMtrGVyLb/up3jf6FYiQ+6YnWyfWQISuFR4MWGNJokSlyO6L\n"
            + "JwiCtTE3iTOXaH7P/2Osz6pTcDumxSboKenJw56Jad+Z8fUBQLZlS3XL5e1YmGqP\n"
            + "mG5nexAkNldiH9JgEOCF78k5TutM95QrqWx/goE2IA0yE8pqFf590HEsQVDuD0lt\n"
            + "twNIC2jyfc6PtN6aKlWRZOKccRSl1JmMekewJzbIkNzMMRoeRObKctYu01mzYChn\n"
            + "UnT4c85NelI1HGJfZwIDAQABo0IwQDAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB\n"
            + "/wQEAwIBBjAdBgNVHQ4EFgQUYVYCoh90+1DUEehleZcN8K8MjXIwDQYJKoZIhvcN\n"
            + "AQELBQADggEBAGYCdVcyMc00gX06tdEayfi0475xsoB55jIdyqmhn3ILtZYd0SSN\n"
            + "mzSYZYBYEPGW8W5W57Bur0Uhesmbpwxwi4YKKmw98AeOBel4Mf7Nm/armpAVVHMB\n"
            + "ERg/K1PbJ5X7vOLnDJVJNQ8/MddU0dS+QW474jPFe6uQRmYSbuFL8nXxvGRfQKCz\n"
            + "VOSsIexaoEjEZVaoE6BrPeENmd3yuFsRC/rzIgHLlINVEXgALdWMz4u9yKWcflc/\n"
            + "y9E9so1GzawD45J41IB8Ub3CfoxYeaMsvHitJi0/IGEs36nmQK5kkD2BdrhlGFC6\n"
            + "uG4n6OQmG2tCydv8pTCLzM479+xJsrEbEq0=\n"
            + "-----END CERTIFICATE-----\n";

        public static readonly string SignerPem =
            "-----BEGIN CERTIFICATE-----\n"
            + "MIIDaTCCAlGgAwIBAgICEAMwDQYJKoZIhvcNAQELBQAwRDEeMBwGA1UEAwwVU2lt\n"
            + "IE1hbnVmYWN0dXJlciBSb290MSIwIAYDVQQKDBlDaGFyZ2VyRmlybXdhcmUgU2lt\n"
            + "dWxhdG9yMB4XDTI1MDEwMTAwMDAwMFoXDTQ0MTIzMTAwMDAwMFowSTEjMCEGA1UE\n"
            + "AwwaU2ltIEZpcm13YXJlIFNpZ25lciBzaWduZXIxIjAgBgNVBAoMGUNoYXJnZXJG\n"
            + "aXJtd2FyZSBTaW11bGF0b3IwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIB\n"
            + "AQC0Lq0CUkee19K9yztkRVYZT9ZdcT60OPDirnFSXb8Sn2wpIa6eQt4xdgh1F6Q9\n"
            + "WZ7uwskFLBXEYZmT6zMLOcxMxAxLZGef3xqQIKBWUkXNFz1rNbNNJrimFbxxupUs\n"
            + "yvYewvTPOgthHhaCDkva58sd6CXgI0Ru/Tpo+RVKaL8dJ7aB5eNTXMP0Ksl9nvTb\n"
            + "p8sBqBsxDtJlPOMFzVw8gxxKTGuvPdzwqvrfsAPQNHmGTzr1pDFSMW3FYGRptRwB\n"
            + "Fppj5aqksP009sqVsy0CDPdejuZvkp/W02WtmQa9P3FZ+7qu0YfIMglOUS+itDa5\n"
            + "JVNQoAmwHr25VDmUOCkyVfZZAgMBAAGjYDBeMAwGA1UdEwEB/wQCMAAwDgYDVR0P\n"
            + "AQH/BAQDAgeAMB0GA1UdDgQWBBTNMFZQBjKAv6/Zdzy/o74Pf4J/2jAfBgNVHSME\n"
            + "GDAWgBRhVgKiH3T7UNQR6GV5lw3wrwyNcjANBgkqhkiG9w0BAQsFAAOCAQEAROuQ\n"
            + "QfR2qmMtETZLD6M29Q5XUP3bcrAi3+TotehEy9ckHUDHS9OmDFPdAht+rmw3Or54\n"
            + "goeoT+vIEI0x7PTA7OblwIBDRkgTTZ6W02alwxXv81vY7dUfEhigiecOIExwAixR\n"
            + "Yw2n0GfdQusIDdiVAAFYD++bWP/r02ViJTf6VMr5JLKlnA9xSINR3LqtT0oXMx/m\n"
            + "aWThiITiFEH/tZS2a/7jHNWIC3C57hnkktq49FvpvL5YNjjOqqJn+t/zh4UKhHaj\n"
            + "vwsc5ILWNdevCAtf91ZJC0H0a/lohc1oHrnbUbspLIHGffUKSTPm6Ox8xHsSSHrl\n"
            + "NgPMpEFHnifKkVOa4A==\n"
            + "-----END CERTIFICATE-----\n";

        public static readonly string FileSignature =
            "JZVzbzVC8SXrFCSukIiGqC9f22Kp0Yp9mGu7sERlPw7ribQ1NdoFiKg6ZaeXDxqAuPUgmT84Kg7W3aHlg5BpE5OvNemaLvB3cR89+GZxGXZ8i4+Vqqnfh92JGZWSf/sbS40fqdfqc18MfNqNA2kBPEPK8gTmdipdt9CYi7D+zVslZ1LVCJMkNhDssZo98RUcCd3ZJfp1zObRZDJGCqCps7dt37B6YGiSKKs6rPzfrB2kAqMW6pUCVky53z1TEc0eTZ55Q/63kXtjZakLuxTrzp8PFqWp2i4xg3cMgsbxb0iZKTXG1Wn36VDqwbvliu3QCZSN40OUbvFeHupXCMt0vw==";

    }
}
