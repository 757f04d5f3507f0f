using Charger.Ocpp.Rpc.Schema;

namespace Charger.Ocpp.SmartCharging
{
    /// <summary>Request schemas of functional block K (official OCPP 2.0.1 JSON schemas, with their bounds).</summary>
    public static class SmartChargingSchemas
    {
        private static readonly string[] Purposes =
        {
            "ChargingStationExternalConstraints", "ChargingStationMaxProfile", "TxDefaultProfile", "TxProfile",
        };

        public static SchemaNode ChargingProfile()
        {
            SchemaNode period = SchemaNode.Object()
                .Required("startPeriod", SchemaNode.Integer())
                .Required("limit", SchemaNode.Number())
                .Optional("numberPhases", SchemaNode.Integer())
                .Optional("phaseToUse", SchemaNode.Integer());
            SchemaNode schedule = SchemaNode.Object()
                .Required("id", SchemaNode.Integer())
                .Optional("startSchedule", SchemaNode.DateTime())
                .Optional("duration", SchemaNode.Integer())
                .Required("chargingRateUnit", SchemaNode.Enum(new string[] { "W", "A" }))
                .Required("chargingSchedulePeriod", SchemaNode.ArrayOf(period, 1, 1024))
                .Optional("minChargingRate", SchemaNode.Number())
                .Optional("salesTariff", SchemaNode.Any());
            return SchemaNode.Object()
                .Required("id", SchemaNode.Integer())
                .Required("stackLevel", SchemaNode.Integer())
                .Required("chargingProfilePurpose", SchemaNode.Enum(Purposes))
                .Required("chargingProfileKind", SchemaNode.Enum(new string[] { "Absolute", "Recurring", "Relative" }))
                .Optional("recurrencyKind", SchemaNode.Enum(new string[] { "Daily", "Weekly" }))
                .Optional("validFrom", SchemaNode.DateTime())
                .Optional("validTo", SchemaNode.DateTime())
                .Optional("transactionId", SchemaNode.String(36))
                .Required("chargingSchedule", SchemaNode.ArrayOf(schedule, 1, 3));
        }

        public static SchemaNode SetChargingProfileRequest()
        {
            return SchemaNode.Object()
                .Required("evseId", SchemaNode.Integer())
                .Required("chargingProfile", ChargingProfile());
        }

        public static SchemaNode ClearChargingProfileRequest()
        {
            return SchemaNode.Object()
                .Optional("chargingProfileId", SchemaNode.Integer())
                .Optional("chargingProfileCriteria", SchemaNode.Object()
                    .Optional("evseId", SchemaNode.Integer())
                    .Optional("chargingProfilePurpose", SchemaNode.Enum(Purposes))
                    .Optional("stackLevel", SchemaNode.Integer()));
        }

        public static SchemaNode GetChargingProfilesRequest()
        {
            return SchemaNode.Object()
                .Required("requestId", SchemaNode.Integer())
                .Optional("evseId", SchemaNode.Integer())
                .Required("chargingProfile", SchemaNode.Object()
                    .Optional("chargingProfilePurpose", SchemaNode.Enum(Purposes))
                    .Optional("stackLevel", SchemaNode.Integer())
                    .Optional("chargingProfileId", SchemaNode.ArrayOf(SchemaNode.Integer(), 1, SchemaNode.Unbounded))
                    .Optional("chargingLimitSource", SchemaNode.ArrayOf(SchemaNode.Enum(new string[] { "EMS", "Other", "SO", "CSO" }), 1, 4)));
        }

        public static SchemaNode GetCompositeScheduleRequest()
        {
            return SchemaNode.Object()
                .Required("duration", SchemaNode.Integer())
                .Optional("chargingRateUnit", SchemaNode.Enum(new string[] { "W", "A" }))
                .Required("evseId", SchemaNode.Integer());
        }

        /// <summary>ReportChargingProfilesResponse: an empty object (customData only).</summary>
        public static SchemaNode EmptyResponse()
        {
            return SchemaNode.Object();
        }
    }
}
