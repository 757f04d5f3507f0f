using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>Request schemas of M03-M05 (official OCPP 2.0.1 JSON schemas, bounds as there).</summary>
    public static class CertificateSchemas
    {
        private static readonly string[] InstallUses = { "V2GRootCertificate", "MORootCertificate", "CSMSRootCertificate", "ManufacturerRootCertificate" };

        private static readonly string[] GetUses = { "V2GRootCertificate", "MORootCertificate", "CSMSRootCertificate", "V2GCertificateChain", "ManufacturerRootCertificate" };

        public static SchemaNode InstallCertificateRequest()
        {
            return SchemaNode.Object()
                .Required("certificateType", SchemaNode.Enum(InstallUses))
                .Required("certificate", SchemaNode.String(5500));
        }

        public static SchemaNode GetInstalledCertificateIdsRequest()
        {
            return SchemaNode.Object()
                .Optional("certificateType", SchemaNode.ArrayOf(SchemaNode.Enum(GetUses), 1, SchemaNode.Unbounded));
        }

        public static SchemaNode DeleteCertificateRequest()
        {
            return SchemaNode.Object()
                .Required("certificateHashData", HashData());
        }

        private static SchemaNode HashData()
        {
            return SchemaNode.Object()
                .Required("hashAlgorithm", SchemaNode.Enum(new string[] { "SHA256", "SHA384", "SHA512" }))
                .Required("issuerNameHash", SchemaNode.String(128))
                .Required("issuerKeyHash", SchemaNode.String(128))
                .Required("serialNumber", SchemaNode.String(40));
        }
    }
}
