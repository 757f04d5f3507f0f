namespace Charger.DeviceTests
{
    /// <summary>
    /// Keys, certificates and signatures made once with the openssl command for the on-target crypto
    /// tests (RSA-2048 root, P-256 leaf it issued, signatures over <see cref="Message"/>).
    /// </summary>
    internal static class CryptoTestData
    {
        public const string Message = "charger firmware bundle 1.2.3";

        public const string RootPem =
            "-----BEGIN CERTIFICATE-----\n" +
            "MIIDPzCCAiegAwIBAgIEChssPTANBgkqhkiG9w0BAQsFADA+MSIwIAYDVQQDDBlD\n" +
            "aGFyZ2VyIE1hbnVmYWN0dXJlciBSb290MRgwFgYDVQQKDA9DaGFyZ2VyRmlybXdh\n" +
            "cmUwHhcNMjUwMTAxMDAwMDAwWhcNNDUwMTAxMDAwMDAwWjA+MSIwIAYDVQQDDBlD\n" +
            "aGFyZ2VyIE1hbnVmYWN0dXJlciBSb290MRgwFgYDVQQKDA9DaGFyZ2VyRmlybXdh\n" +
            "cmUwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCCbITohOuGdocNnjA3\n" +
            "v1GErsvMO6+N+MRWwL6bjOIb2vpsGLkrq8ZiyuihDdZ3HwvVblP9cijACOLnYVFq\n" +
            "up0HJBzgeMd0Q7L2aB5THWO3j35jLuq7MaTg3Gj1IHsrfUnQXqnL3edjcx1KAQFX\n" +
            "Q0a7C9Pod61rf6a2i3cERFUBm4GaMxQFRcxfU7BV3l3k/9SwNQWP3ITgtLwC1G0p\n" +
            "HiBOvR1iixCQpV0K8zf3M68ZB/rRV4swBTW2P3OFE0UKbF3II9CPNtCkte+sG9gW\n" +
            "KLp+P/QspNq5+c29MjoPb34KY3iZlJaNWvpVCY7N9GJrZtsk21UeqwjZDL8AvZUw\n" +
            "RwDVAgMBAAGjRTBDMBIGA1UdEwEB/wQIMAYBAf8CAQEwDgYDVR0PAQH/BAQDAgEG\n" +
            "MB0GA1UdDgQWBBRglpzKwXhOkXNcSaECTZYYqIecKzANBgkqhkiG9w0BAQsFAAOC\n" +
            "AQEAcVTBdcjCyaIQg+TcaolJX3GOQjzjYr9SL/qHl/EY+O0GPmKY65DOoqo7BDge\n" +
            "/fi36IV4yV5IDv701HEHLYDqQQg73OALWklkbaHxM0Uu33S+PLaaEPaw6xvHXJE2\n" +
            "UVBtfAw1hntLnejVE0Nn28B6d7mYApyEv7Zwf1HBTplUi+bv6G8DFNwsV53qJ4yi\n" +
            "jzJBReSybs3WrBkSgsCyAbSqR2ia9IwevwC3ETHLb/hUJcSpOC/UtYbc/V33/sbF\n" +
            "JaEi9XrxvSSYY5N4So2rdM6DIHCiliciKqRQQK5wUFPs1hf3PRTX6O/W0POAUzI9\n" +
            "8AV2Cuc0ZjY6bL+4KY6oESNp6w==\n" +
            "-----END CERTIFICATE-----\n";

        public const string LeafPem =
            "-----BEGIN CERTIFICATE-----\n" +
            "MIIChjCCAW6gAwIBAgIEChssPjANBgkqhkiG9w0BAQsFADA+MSIwIAYDVQQDDBlD\n" +
            "aGFyZ2VyIE1hbnVmYWN0dXJlciBSb290MRgwFgYDVQQKDA9DaGFyZ2VyRmlybXdh\n" +
            "cmUwHhcNMjUwNjAxMDAwMDAwWhcNMzAwNjAxMDAwMDAwWjA1MRkwFwYDVQQDDBBG\n" +
            "aXJtd2FyZSBTaWduaW5nMRgwFgYDVQQKDA9DaGFyZ2VyRmlybXdhcmUwWTATBgcq\n" +
            "hkjOPQIBBggqhkjOPQMBBwNCAAS0eeP9BQuqzrvizgr5oDLqTkXHFNS9hjcrWCYe\n" +
            "bjUGFE8+sfrqG/0qCDzdsr0ekR/F/buykNjIvOe8yJIPH5/Oo2AwXjAMBgNVHRMB\n" +
            "Af8EAjAAMA4GA1UdDwEB/wQEAwIHgDAdBgNVHQ4EFgQU5ztQqoGs+ztXwFZ0Mtbc\n" +
            "RCs4FWEwHwYDVR0jBBgwFoAUYJacysF4TpFzXEmhAk2WGKiHnCswDQYJKoZIhvcN\n" +
            "AQELBQADggEBAIEIkGDZJMRN/flnQtgS8bFjbhYQRK+bk0lC9Bw0qWal5WkgZb6i\n" +
            "fybUeNWgNif2+LxBmrmyT/UIX/Glk9z2WJ1p9aBMWbjqSUgX1TL2yXewR47J91cY\n" +
            "9/JipYJ9Q8+YO5Pj11K0JQ4+ZrrMUVsvxzJX4kyjDInN/9mGiXuYAZP9cJtQUMo6\n" +
            "tjz58jnoJ0G9yc6Iy+zH2btSmrSQhrWJb9d/jmqCJ7qjDEyhtUI+bVgvVfARWkfv\n" +
            "TIHu1I+8NZ6aJeqf9Z0Ht+78XPISBhyxTXTslvqIeYuEbR7k5J6NqayCvs3bd04u\n" +
            "O80/cqIGProAy7QhadglN5cuDr5a4UzEvNA=\n" +
            "-----END CERTIFICATE-----\n";

        public const string RootPublicKeyHex =
            "30820122300d06092a864886f70d01010105000382010f003082010a0282010100826c84e884eb8676870d9e3037bf51" +
            "84aecbcc3baf8df8c456c0be9b8ce21bdafa6c18b92babc662cae8a10dd6771f0bd56e53fd7228c008e2e761516aba9d" +
            "07241ce078c77443b2f6681e531d63b78f7e632eeabb31a4e0dc68f5207b2b7d49d05ea9cbdde763731d4a0101574346" +
            "bb0bd3e877ad6b7fa6b68b77044455019b819a33140545cc5f53b055de5de4ffd4b035058fdc84e0b4bc02d46d291e20" +
            "4ebd1d628b1090a55d0af337f733af1907fad1578b300535b63f738513450a6c5dc823d08f36d0a4b5efac1bd81628ba" +
            "7e3ff42ca4dab9f9cdbd323a0f6f7e0a63789994968d5afa55098ecdf4626b66db24db551eab08d90cbf00bd95304700" +
            "d50203010001";

        public const string LeafPublicKeyHex =
            "3059301306072a8648ce3d020106082a8648ce3d03010703420004b479e3fd050baacebbe2ce0af9a032ea4e45c714d4" +
            "bd86372b58261e6e3506144f3eb1faea1bfd2a083cddb2bd1e911fc5fdbbb290d8c8bce7bcc8920f1f9fce";

        public const string RsaPkcs1Sha256SignatureHex =
            "32742ad7519879cb51eefb5d99159c3776e63674fcbd986d627bdbd022199484c88a618cfd59b47810144acfd9ada013" +
            "b153242305a698ba0b8ba4e82bd605e2dc48ab9674008b13aa157184639ad075fec36594fc2b72bf445a9cb28d172ba0" +
            "ad82d6016de278c11324ea43c5d50f1ba6f628cf0e5ac3c93d3f4042093da0c467c36898fca0e4772d6fd8dd793d3b4e" +
            "bf168fa1515acc420a424edb1abb07434f2a636bce51b47a192944387222a4ae653f1bc835563044455003b3b1ad213d" +
            "80b94947940387bb225325da7dc97b3829e379ae1b710c77d960128cda33df4698f365f4c667b29f393ddeaf73a25555" +
            "648229803a4e1c96e73fbadff9cf66c0";

        public const string EcdsaP256Sha256SignatureHex =
            "3045022100cee4f65f18d4287453f629a9b88acb0febc146704948c87308290f959b5a467902200f27feaf546c034d13" +
            "9474811f10a53423562bf50678859313b7b7662ded0531";

        public const long RootNotBeforeMs = 1735689600000L;

        public const long RootNotAfterMs = 2366841600000L;

        public const long LeafNotAfterMs = 1906502400000L;

        /// <summary>SHA-256 of the 250 KB buffer <see cref="CryptoOnTargetTests"/> fills with (i * 31 + 7) ^ (i >> 8).</summary>
        public const string Sha256Of250KB = "142d97c134febfa34005a5e37ee8a2fdfe385ecd6aaf55986de5fccac173e4a2";
    }
}
