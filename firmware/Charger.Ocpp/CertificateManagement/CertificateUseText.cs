namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>Names of <see cref="CertificateUse"/> on the wire (enum ToString gives the number on nanoFramework).</summary>
    public static class CertificateUseText
    {
        private static readonly string[] Names =
        {
            "V2GRootCertificate", "MORootCertificate", "CSMSRootCertificate", "ManufacturerRootCertificate", "V2GCertificateChain",
        };

        /// <summary>The name of <paramref name="use"/>; "?" and the number for a value outside the enum.</summary>
        public static string Of(CertificateUse use)
        {
            int i = (int)use;
            return i >= 0 && i < Names.Length ? Names[i] : "?" + i;
        }

        public static bool TryParse(string name, out CertificateUse use)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == name)
                {
                    use = (CertificateUse)i;
                    return true;
                }
            }

            use = CertificateUse.V2GRootCertificate;
            return false;
        }
    }
}
