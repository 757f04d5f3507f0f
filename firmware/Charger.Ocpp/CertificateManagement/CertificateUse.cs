namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>
    /// InstallCertificateUseEnumType (OCPP 2.0.1 part 2, 3.41), plus V2GCertificateChain which
    /// GetInstalledCertificateIds may ask for (GetCertificateIdUseEnumType) but cannot be installed here.
    /// </summary>
    public enum CertificateUse
    {
        V2GRootCertificate = 0,
        MORootCertificate = 1,
        CSMSRootCertificate = 2,
        ManufacturerRootCertificate = 3,
        V2GCertificateChain = 4,
    }
}
