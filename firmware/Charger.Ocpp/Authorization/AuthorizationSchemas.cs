using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.Authorization
{
    /// <summary>Schemas of the authorization messages (official OCPP 2.0.1 JSON schemas, bounds as there).</summary>
    public static class AuthorizationSchemas
    {
        private static readonly string[] TokenTypes =
        {
            "Central", "eMAID", "ISO14443", "ISO15693", "KeyCode", "Local", "MacAddress", "NoAuthorization",
        };

        private static readonly string[] Statuses =
        {
            "Accepted", "Blocked", "ConcurrentTx", "Expired", "Invalid", "NoCredit", "NotAllowedTypeEVSE", "NotAtThisTime", "Unknown",
        };

        public static SchemaNode IdToken()
        {
            return SchemaNode.Object()
                .Optional("additionalInfo", SchemaNode.ArrayOf(SchemaNode.Object()
                    .Required("additionalIdToken", SchemaNode.String(36))
                    .Required("type", SchemaNode.String(50)), 1, SchemaNode.Unbounded))
                .Required("idToken", SchemaNode.String(36))
                .Required("type", SchemaNode.Enum(TokenTypes));
        }

        public static SchemaNode IdTokenInfo()
        {
            return SchemaNode.Object()
                .Required("status", SchemaNode.Enum(Statuses))
                .Optional("cacheExpiryDateTime", SchemaNode.DateTime())
                .Optional("chargingPriority", SchemaNode.Integer())
                .Optional("language1", SchemaNode.String(8))
                .Optional("evseId", SchemaNode.ArrayOf(SchemaNode.Integer(), 1, SchemaNode.Unbounded))
                .Optional("groupIdToken", IdToken())
                .Optional("language2", SchemaNode.String(8))
                .Optional("personalMessage", SchemaNode.Any());
        }

        public static SchemaNode AuthorizeResponse()
        {
            return SchemaNode.Object()
                .Required("idTokenInfo", IdTokenInfo())
                .Optional("certificateStatus", SchemaNode.Enum(new string[]
                {
                    "Accepted", "SignatureError", "CertificateExpired", "CertificateRevoked", "NoCertificateAvailable", "CertChainError",
                    "ContractCancelled",
                }));
        }

        public static SchemaNode SendLocalListRequest()
        {
            return SchemaNode.Object()
                .Required("versionNumber", SchemaNode.Integer())
                .Required("updateType", SchemaNode.Enum(new string[] { "Differential", "Full" }))
                .Optional("localAuthorizationList", SchemaNode.ArrayOf(SchemaNode.Object()
                    .Required("idToken", IdToken())
                    .Optional("idTokenInfo", IdTokenInfo()), 1, SchemaNode.Unbounded));
        }

        public static SchemaNode EmptyRequest()
        {
            return SchemaNode.Object();
        }
    }
}
