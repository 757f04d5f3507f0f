namespace Charger.DeviceTests
{
    /// <summary>
    /// A CRL made once with the openssl command for the on-target revocation tests: an ECDSA P-256 CA
    /// ("CRL Test CA", keyUsage cRLSign), a signer it issued (serial 2002) and the CA's CRL
    /// (openssl ca -revoke, -gencrl, openssl crl; cRLNumber 5, thisUpdate 2026-01-01, nextUpdate
    /// 2045-01-01) that lists the signer. The desktop suite makes its CRLs with openssl in the test.
    /// </summary>
    internal static class CrlTestData
    {
        public const string CaPem =
            "-----BEGIN CERTIFICATE-----\n" +
            "MIIBXjCCAQSgAwIBAgICIAEwCgYIKoZIzj0EAwIwFjEUMBIGA1UEAwwLQ1JMIFRl\n" +
            "c3QgQ0EwHhcNMjUwMTAxMDAwMDAwWhcNNDUwMTAxMDAwMDAwWjAWMRQwEgYDVQQD\n" +
            "DAtDUkwgVGVzdCBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABMfwS4Hblm7x\n" +
            "APs5AaNGI7EQSqCyTxex9iZTHljpcLN4YMopCSyD6HKS6SXOC1dUy+0V9uiXyS0A\n" +
            "4IxXxkANpI2jQjBAMA8GA1UdEwEB/wQFMAMBAf8wDgYDVR0PAQH/BAQDAgEGMB0G\n" +
            "A1UdDgQWBBTY+l1fMvjaICi7cJGSiswfot37QzAKBggqhkjOPQQDAgNIADBFAiAS\n" +
            "o+DKczFHpPSdhmQAALXmRJbymlT4LMefRQrZ3GkDPAIhANU80cf9PHyh0iac85yt\n" +
            "A/6rYq1BeQr/CjbiL5Ek8+f1\n" +
            "-----END CERTIFICATE-----\n";

        public const string SignerPem =
            "-----BEGIN CERTIFICATE-----\n" +
            "MIIBgDCCASagAwIBAgICIAIwCgYIKoZIzj0EAwIwFjEUMBIGA1UEAwwLQ1JMIFRl\n" +
            "c3QgQ0EwHhcNMjUwMTAxMDAwMDAwWhcNNDUwMTAxMDAwMDAwWjAaMRgwFgYDVQQD\n" +
            "DA9DUkwgVGVzdCBTaWduZXIwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAT23HKR\n" +
            "WhbLqeKo4FaLxb3SmfyEiXmIPJV852URPRNgDEoLThBnWlwLC+G6MpbAzyvGPWZN\n" +
            "yyn+nzh4Z9LojGU9o2AwXjAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQEAwIHgDAd\n" +
            "BgNVHQ4EFgQU80dEcoJc1RSaVjF37hzusopltmUwHwYDVR0jBBgwFoAU2PpdXzL4\n" +
            "2iAou3CRkorMH6Ld+0MwCgYIKoZIzj0EAwIDSAAwRQIhAI1c4TIsP26yZ8W+guom\n" +
            "w2RfAXUDKHpGeS2O0DPLoZopAiAQayamlULAItjgnNozDQGv/WD91Rg7kknGW4a9\n" +
            "hY2JXQ==\n" +
            "-----END CERTIFICATE-----\n";

        public const string CrlPem =
            "-----BEGIN X509 CRL-----\n" +
            "MIHEMGwCAQEwCgYIKoZIzj0EAwIwFjEUMBIGA1UEAwwLQ1JMIFRlc3QgQ0EXDTI2\n" +
            "MDEwMTAwMDAwMFoXDTQ1MDEwMTAwMDAwMFowFTATAgIgAhcNMjYxMjA3MTE1NDUy\n" +
            "WqAOMAwwCgYDVR0UBAMCAQUwCgYIKoZIzj0EAwIDSAAwRQIhAMJc8W9T3CAxEqPK\n" +
            "hsK0t9XToRKyKRT1gVPuZpmvJwzNAiAbiXzD5/ym0xZgK5/+7tNYVjPhPhvv6peb\n" +
            "XxrXO87Btg==\n" +
            "-----END X509 CRL-----\n";
    }
}
