namespace Charger.Sim.Firmware;

/// <summary>
/// The simulator's firmware signing PKI, made once with the openssl command (openssl ca, RSA-2048,
/// valid 2025-01-01 to 2044-12-31 so the virtual clock of 2026 and the wall clock both fall inside):
/// a manufacturer root the built-in CSMS installs as ManufacturerRootCertificate, a signing
/// certificate it issued, and an untrusted signer issued by another root. Simulator test keys only:
/// they sign nothing but simulated bundles. RSA PKCS#1 v1.5 signatures are deterministic, so runs repeat byte for byte.
/// </summary>
public static class SimFirmwarePki
{
    public const string ManufacturerRootPem =
        """
        -----BEGIN CERTIFICATE-----
        MIIDRjCCAi6gAwIBAgICEAEwDQYJKoZIhvcNAQELBQAwRDEeMBwGA1UEAwwVU2lt
        IE1hbnVmYWN0dXJlciBSb290MSIwIAYDVQQKDBlDaGFyZ2VyRmlybXdhcmUgU2lt
        dWxhdG9yMB4XDTI1MDEwMTAwMDAwMFoXDTQ0MTIzMTAwMDAwMFowRDEeMBwGA1UE
        AwwVU2ltIE1hbnVmYWN0dXJlciBSb290MSIwIAYDVQQKDBlDaGFyZ2VyRmlybXdh
        cmUgU2ltdWxhdG9yMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtJV7
        3z6r23PuFfGeZ14njKNgzv15GwJ0tELRJ3vnxCzFfL5gunndNQ/MCabo0THCcv55
        aPpsmJDVFCKkOl6bgMtrGVyLb/up3jf6FYiQ+6YnWyfWQISuFR4MWGNJokSlyO6L
        JwiCtTE3iTOXaH7P/2Osz6pTcDumxSboKenJw56Jad+Z8fUBQLZlS3XL5e1YmGqP
        mG5nexAkNldiH9JgEOCF78k5TutM95QrqWx/goE2IA0yE8pqFf590HEsQVDuD0lt
        twNIC2jyfc6PtN6aKlWRZOKccRSl1JmMekewJzbIkNzMMRoeRObKctYu01mzYChn
        UnT4c85NelI1HGJfZwIDAQABo0IwQDAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB
        /wQEAwIBBjAdBgNVHQ4EFgQUYVYCoh90+1DUEehleZcN8K8MjXIwDQYJKoZIhvcN
        AQELBQADggEBAGYCdVcyMc00gX06tdEayfi0475xsoB55jIdyqmhn3ILtZYd0SSN
        mzSYZYBYEPGW8W5W57Bur0Uhesmbpwxwi4YKKmw98AeOBel4Mf7Nm/armpAVVHMB
        ERg/K1PbJ5X7vOLnDJVJNQ8/MddU0dS+QW474jPFe6uQRmYSbuFL8nXxvGRfQKCz
        VOSsIexaoEjEZVaoE6BrPeENmd3yuFsRC/rzIgHLlINVEXgALdWMz4u9yKWcflc/
        y9E9so1GzawD45J41IB8Ub3CfoxYeaMsvHitJi0/IGEs36nmQK5kkD2BdrhlGFC6
        uG4n6OQmG2tCydv8pTCLzM479+xJsrEbEq0=
        -----END CERTIFICATE-----
        """;

    public const string SignerCertificatePem =
        """
        -----BEGIN CERTIFICATE-----
        MIIDaTCCAlGgAwIBAgICEAMwDQYJKoZIhvcNAQELBQAwRDEeMBwGA1UEAwwVU2lt
        IE1hbnVmYWN0dXJlciBSb290MSIwIAYDVQQKDBlDaGFyZ2VyRmlybXdhcmUgU2lt
        dWxhdG9yMB4XDTI1MDEwMTAwMDAwMFoXDTQ0MTIzMTAwMDAwMFowSTEjMCEGA1UE
        AwwaU2ltIEZpcm13YXJlIFNpZ25lciBzaWduZXIxIjAgBgNVBAoMGUNoYXJnZXJG
        aXJtd2FyZSBTaW11bGF0b3IwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIB
        AQC0Lq0CUkee19K9yztkRVYZT9ZdcT60OPDirnFSXb8Sn2wpIa6eQt4xdgh1F6Q9
        WZ7uwskFLBXEYZmT6zMLOcxMxAxLZGef3xqQIKBWUkXNFz1rNbNNJrimFbxxupUs
        yvYewvTPOgthHhaCDkva58sd6CXgI0Ru/Tpo+RVKaL8dJ7aB5eNTXMP0Ksl9nvTb
        p8sBqBsxDtJlPOMFzVw8gxxKTGuvPdzwqvrfsAPQNHmGTzr1pDFSMW3FYGRptRwB
        Fppj5aqksP009sqVsy0CDPdejuZvkp/W02WtmQa9P3FZ+7qu0YfIMglOUS+itDa5
        JVNQoAmwHr25VDmUOCkyVfZZAgMBAAGjYDBeMAwGA1UdEwEB/wQCMAAwDgYDVR0P
        AQH/BAQDAgeAMB0GA1UdDgQWBBTNMFZQBjKAv6/Zdzy/o74Pf4J/2jAfBgNVHSME
        GDAWgBRhVgKiH3T7UNQR6GV5lw3wrwyNcjANBgkqhkiG9w0BAQsFAAOCAQEAROuQ
        QfR2qmMtETZLD6M29Q5XUP3bcrAi3+TotehEy9ckHUDHS9OmDFPdAht+rmw3Or54
        goeoT+vIEI0x7PTA7OblwIBDRkgTTZ6W02alwxXv81vY7dUfEhigiecOIExwAixR
        Yw2n0GfdQusIDdiVAAFYD++bWP/r02ViJTf6VMr5JLKlnA9xSINR3LqtT0oXMx/m
        aWThiITiFEH/tZS2a/7jHNWIC3C57hnkktq49FvpvL5YNjjOqqJn+t/zh4UKhHaj
        vwsc5ILWNdevCAtf91ZJC0H0a/lohc1oHrnbUbspLIHGffUKSTPm6Ox8xHsSSHrl
        NgPMpEFHnifKkVOa4A==
        -----END CERTIFICATE-----
        """;

    public const string SignerKeyPem =
        """
        -----BEGIN PRIVATE KEY-----
        MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC0Lq0CUkee19K9
        yztkRVYZT9ZdcT60OPDirnFSXb8Sn2wpIa6eQt4xdgh1F6Q9WZ7uwskFLBXEYZmT
        6zMLOcxMxAxLZGef3xqQIKBWUkXNFz1rNbNNJrimFbxxupUsyvYewvTPOgthHhaC
        Dkva58sd6CXgI0Ru/Tpo+RVKaL8dJ7aB5eNTXMP0Ksl9nvTbp8sBqBsxDtJlPOMF
        zVw8gxxKTGuvPdzwqvrfsAPQNHmGTzr1pDFSMW3FYGRptRwBFppj5aqksP009sqV
        sy0CDPdejuZvkp/W02WtmQa9P3FZ+7qu0YfIMglOUS+itDa5JVNQoAmwHr25VDmU
        OCkyVfZZAgMBAAECggEAEfAdqEABwlYRNHTxrjta5X01xaq7B90tWhvsyzrrBVMa
        xQOF61qT3U+3atTWNIdiE7oPojSv3BOtYvUE6WaxKKlR4gWWbWucLOIapE1fhpn8
        MtqvRYyH0H0UfCwLouB33TsifSj1rg79Rahfs+Tkq08LykMoknYiZQX7MSO5dxDs
        ut/p/nK63iPlCm7ix51NETmtdQxNHB/Dw6SfehY9GYgr4RhA6k/wS7eRs/d3CgsO
        HKmwIzdMQrWVC1+bgV7j6+NYfYv9Y4E0Ofoke2IIbrLMpkksrzXEy1SIAMDW+Ipf
        vrTZKciu2SMPQcIJajFsj6tXV05l+Fya0pudkW1v4wKBgQDkCvRMCIGDsPXJNlyo
        eT7EFlHcVTWchvlvEf6/j2bx+y/Bl57G6TA6gsBN+sITuXTPEzBR/GPsrDjCiNNm
        tCNLOEVD1LB8bDRMwXbx41UsGHm6MRkR0W1ETe9urZE5rJwtBw3qx9MBaaOQp9xI
        eM8SUgK+elVueHaaukOp+ZqRswKBgQDKRaMaY0C+ePh9r4iQIGkyS2D4OUzavm2E
        4vqcfc07uDJnsXunp1ryIPLfOiQt1CXE+41nWmBZQMpCM5Et+VdP7LMzZaHJw8Xl
        YyP7961EJyy4iBb+SCl9ZkfcoskB422MteK7revYo8PBM5F5b0AxX+zilGBwR87D
        Hg2F6OeZwwKBgQCsgTzcZ3LR1AOZ+m2NZGp+mwPB0ROFHPWDd/Flp20QkBtILxIF
        FlFNcatXUeGOWjRqkPF0k6BjYMRvJGIGxy4LsL102mfHN3M4vQDlajr76Gfs2UdF
        m0805F/DMbkyD8j0pul4OUD9SJRa0SBqEjlSeodo39HQh3/w/AZDhnXO0QKBgHfn
        5BJGeCDxkUzge7IEpJe9+5PqU9bwP/ggnbObF8ipHqg9nDH8kXsrcQ5HZx8LvgAR
        pvd3qdn/AGdSLmP0hX/Jr0lunAQBXBTpOnGplzrphic19Xtzx7Sgp0Tx8vp9mXlq
        cSgUp9Ta77ZeHYTBIGqklMaUcr7csoMUE6woLvMFAoGAQXnDGUbR/gnlyUBw3Ucz
        JLZz3TpghRAZVIHTiEsDGhY6Zt2jKrV/RU/TUUuGRpdoyLQWy1J67KoDH4f9o0it
        i8lx1XLT32DFVO/GcPTQMAOQbVcGrS0qAQHeoEynjj2GLZ1h5cSkFa2NgXMdEk9H
        XP/fE9U2v4PqTR/7sQtAbP0=
        -----END PRIVATE KEY-----
        """;

    public const string UntrustedCertificatePem =
        """
        -----BEGIN CERTIFICATE-----
        MIIDcTCCAlmgAwIBAgICEAQwDQYJKoZIhvcNAQELBQAwSTEjMCEGA1UEAwwaU2lt
        IE1hbnVmYWN0dXJlciBSb290b3RoZXIxIjAgBgNVBAoMGUNoYXJnZXJGaXJtd2Fy
        ZSBTaW11bGF0b3IwHhcNMjUwMTAxMDAwMDAwWhcNNDQxMjMxMDAwMDAwWjBMMSYw
        JAYDVQQDDB1TaW0gRmlybXdhcmUgU2lnbmVyIHVudHJ1c3RlZDEiMCAGA1UECgwZ
        Q2hhcmdlckZpcm13YXJlIFNpbXVsYXRvcjCCASIwDQYJKoZIhvcNAQEBBQADggEP
        ADCCAQoCggEBAO3kVqN2duzRs0g7aLvCoqu2v0TRbOk35X4MRTorZq2t2c2tAXS9
        ALOxXyxu7epZHCW63Pyywhhq0rfjyMxO2rhhedt95eC4dYRMAp13ZvrlZkETclKj
        IjRfXFWYepyqNlZxRQKXwVdby+mJUN9FZ1KrAyBZ7kv15JacLWUQG3m7tS1NrJDq
        vrehaRzsHnkdhTvbkphMy78fVfhB54Wtp1YHpyRXEkOsXQ/5NEsv3U/ChelqYUuQ
        ZvRp//wu7fNmO91E1hP4XfHppXTM2qFdow3ZE99MV1DDyYGYgfWoaCpvt+R9HIQK
        y7vQsnuH2f1pzjg7WRRHyleVjV8sDtBRjSkCAwEAAaNgMF4wDAYDVR0TAQH/BAIw
        ADAOBgNVHQ8BAf8EBAMCB4AwHQYDVR0OBBYEFESrvh3p2w+j9lMEu7wmdV3E+zAb
        MB8GA1UdIwQYMBaAFAOZWSCKmXRdmmVxS6fQtvfabmRKMA0GCSqGSIb3DQEBCwUA
        A4IBAQAUd7m23baBppcfDJH2IkEbjVpTfihmMHeaRNJOm489RNliRpqxlBuq/KPb
        YRZxvd8bkoUPprk4mq3ofpTsUOVMAAaXzy8rucYmCFDmw/sc2SOoHQhNcxnl8b4I
        7Q1MCwaTt3gD+pPrRhIR9VeWmUqpr8GLnnyQRo/o7uyHciB6mHDF+2wkC1Do/O7e
        OINaNKBJmiShmjls8awAbgA50gtT6+SiofNye+iL2CiRmTGJRBm5QkYwpfHoLf65
        Ge1hPzJt1kv1IXeCR2BI5mayCOHVr5IlOs+Yv2UDErIMVisRWsacn0G6XFeoiIID
        flCdyVdlvbRTTy4MT3nU3hlqK/AL
        -----END CERTIFICATE-----
        """;

    public const string UntrustedKeyPem =
        """
        -----BEGIN PRIVATE KEY-----
        MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDt5Fajdnbs0bNI
        O2i7wqKrtr9E0WzpN+V+DEU6K2atrdnNrQF0vQCzsV8sbu3qWRwlutz8ssIYatK3
        48jMTtq4YXnbfeXguHWETAKdd2b65WZBE3JSoyI0X1xVmHqcqjZWcUUCl8FXW8vp
        iVDfRWdSqwMgWe5L9eSWnC1lEBt5u7UtTayQ6r63oWkc7B55HYU725KYTMu/H1X4
        QeeFradWB6ckVxJDrF0P+TRLL91PwoXpamFLkGb0af/8Lu3zZjvdRNYT+F3x6aV0
        zNqhXaMN2RPfTFdQw8mBmIH1qGgqb7fkfRyECsu70LJ7h9n9ac44O1kUR8pXlY1f
        LA7QUY0pAgMBAAECgf85kg/zvMzp3PvGNcnP34XFpPtUPMw4t3tQDO9CK6u5fYY/
        ULkaEx6avNk2LFZ1oEW7af/TVy0FTq7aw5OLIHc7GZ5FFWSKBNeIM9zpaWHtR8sD
        Fd69Ja9crLdF0EkeWb2Yh+ikacTLGqdKUU1bGe5Wts5/CCgSnYSyAR5//wS6JyZB
        JWLJT1FX0eQQBjltp+uSEpcyygxe53u7qUMDNf7Ef48UDdxH9oN6GeC27b8tdKIa
        yVuxzkaZT11NYSLR9TIixvc68FRQZO4LImZpL5UbvsG3ehagSJ6CZJUASlrf7W3Q
        FwzmjBeP5IQOEjJbVYrshJBPg0ZMPI2Y0KJs9LUCgYEA+JFO4Bv1G4wTt7Dz7Y/O
        AktBVqXxvbVJT6Z42UN62ZL2EVc3q4U4XDa6fw9faxEADwxR9cMmzy0NS9HYwdYr
        r+YAdk1f6ykGNhWW1RvMjvmKeI6t+UvBswMiM3m4Pf8fWtYguTBSSxCE+J4BOQ8z
        8kY8DGhxMuWDiK9vssoBjJUCgYEA9QFP546DHWRzqnwfGjBlS5j6Ski1UxZ3eWnK
        Jf02j0HGlcCkTYXBBy4rEYOgA+wfalVL60kkHrI7dDo9Z7PayqHKP4ehf9urJBpr
        243vYSTlwcVrLUVktEsRHOps4DfYFKtXVC0r9vB1EdAU6XbTS45FNs59+RCwpkwx
        F5PYxUUCgYEA07trFama6yEx9onr7pNNZ1TVTkrClddjoE5sqJ07ezQdGP5TNG6h
        aKNRz0O4AsqTYz4aXp8iYt28crZIzixyQD5KbHtSVk02tkFDnzoz0CIuWq0m8rEe
        SS9FJdXsJBs6iTTW4QiRQNHMgr6Myh7yH9DF+8fHjRRGK9tM6V37XdUCgYEAvxbt
        5nGNq+AMIr06WOfEKalAFa4N1qcgOg8bvnN3GVa491XQEDKxMdN9feSGamjAu+OZ
        GgLq7BIhMu61s+tgS0jTAKfde2auXbNJym0ydjccB/zdMer8t24RA9eHYX3Mx5o3
        u4ybzLcQ5/q+RLUL6dMmArAdKqQs0xd79qK2oG0CgYEA1UcT1wiDhBoPy+Fbpij7
        xNx2KhxAwaQ8ViD+12lgTs/XnPrmrzvvfFugZYsgYm5xlPZpSMEWi/CMt8yuwImB
        kSdwmY0X/XWUu2e+Y5xuNUHGVT8aGXkoH5fosc2QfHfAh6RZ16OZlwbwqnXCttWM
        F7j8U4QcXVsw1tv2UqRcZgM=
        -----END PRIVATE KEY-----
        """;
}
