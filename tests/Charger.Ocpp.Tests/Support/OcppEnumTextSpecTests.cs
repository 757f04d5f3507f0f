using System.IO;
using System.Text.Json;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Tests.Support;

/// <summary>
/// The tables that put OCPP enums on the wire (Enum.ToString gives the number on nanoFramework 1.x,
/// so each is explicit) spell every value exactly as the official OCPP 2.0.1 JSON schemas list it,
/// and parse exactly those spellings back.
/// </summary>
public class OcppEnumTextSpecTests
{
    private static string[] SchemaEnum(string schemaFile, string definition)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(OfficialSchemas.Directory, schemaFile + ".json")));
        return doc.RootElement.GetProperty("definitions").GetProperty(definition).GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).ToArray();
    }

    private static string[] Texts<TEnum>(Func<TEnum, string> of) where TEnum : struct, Enum
    {
        return Enum.GetValues<TEnum>().Select(of).ToArray();
    }

    public static IEnumerable<object[]> WireTables()
    {
        // table name, schema file, enum definition, the table's texts, whether every schema value has a member
        yield return new object[] { "ChargingStateText", "TransactionEventRequest", "ChargingStateEnumType", Texts<ChargingState>(ChargingStateText.Of), true };
        yield return new object[] { "StopReasonText", "TransactionEventRequest", "ReasonEnumType", Texts<StopReason>(StopReasonText.Of), true };
        yield return new object[] { "UnlockStatusText", "UnlockConnectorResponse", "UnlockStatusEnumType", Texts<UnlockStatus>(UnlockStatusText.Of), true };
        yield return new object[] { "LocalListUpdateTypeText", "SendLocalListRequest", "UpdateEnumType", Texts<LocalListUpdateType>(LocalListUpdateTypeText.Of), true };
        yield return new object[] { "SendLocalListStatusText", "SendLocalListResponse", "SendLocalListStatusEnumType", Texts<SendLocalListStatus>(SendLocalListStatusText.Of), true };
        yield return new object[] { "ConnectorStatusText", "StatusNotificationRequest", "ConnectorStatusEnumType", Texts<ConnectorStatus>(ConnectorStatusText.Of), true };
        // NotAtThisLocation has no member of its own: IdTokenJson.ParseStatus reads it as Unknown (not accepted either way).
        yield return new object[] { "AuthorizationStatusText", "AuthorizeResponse", "AuthorizationStatusEnumType", Texts<AuthorizationStatus>(AuthorizationStatusText.Of), false };
        yield return new object[] { "ChargingProfilePurposeText", "SetChargingProfileRequest", "ChargingProfilePurposeEnumType", Texts<Charger.Ocpp.SmartCharging.ChargingProfilePurpose>(Charger.Ocpp.SmartCharging.ChargingProfilePurposeText.Of), true };
        yield return new object[] { "ChargingProfileKindText", "SetChargingProfileRequest", "ChargingProfileKindEnumType", Texts<Charger.Ocpp.SmartCharging.ChargingProfileKind>(Charger.Ocpp.SmartCharging.ChargingProfileKindText.Of), true };
        yield return new object[] { "ChargingRateUnitText", "SetChargingProfileRequest", "ChargingRateUnitEnumType", Texts<Charger.Ocpp.SmartCharging.ChargingRateUnit>(Charger.Ocpp.SmartCharging.ChargingRateUnitText.Of), true };
        // RecurrencyKind.None (a profile that does not recur) is never written.
        yield return new object[] { "RecurrencyKindText", "SetChargingProfileRequest", "RecurrencyKindEnumType",
            Texts<Charger.Ocpp.SmartCharging.RecurrencyKind>(Charger.Ocpp.SmartCharging.RecurrencyKindText.Of).Where(t => t != "None").ToArray(), true };
    }

    [Theory]
    [MemberData(nameof(WireTables))]
    public void WireTable_SpellsEveryValueAsTheOfficialSchema(string table, string schemaFile, string definition, string[] texts, bool complete)
    {
        string[] spec = SchemaEnum(schemaFile, definition);

        Assert.True(texts.All(spec.Contains), table + " writes values outside " + definition + ": " + string.Join(", ", texts.Except(spec)));
        if (complete)
        {
            Assert.True(spec.All(texts.Contains), table + " lacks " + definition + " values: " + string.Join(", ", spec.Except(texts)));
        }
    }

    [Fact]
    public void TransactionEventTypeOnTheWire_IsASchemaValue_ForEveryMemberButTheEmptySlot()
    {
        string[] spec = SchemaEnum("TransactionEventRequest", "TransactionEventEnumType");

        foreach (TransactionEventType type in Enum.GetValues<TransactionEventType>())
        {
            Assert.Contains(TransactionMessageBuilder.EventTypeName(type), spec);
        }
    }

    [Fact]
    public void AuthorizationStatusFromTheCsms_IsReadThroughTheTable()
    {
        foreach (AuthorizationStatus status in Enum.GetValues<AuthorizationStatus>())
        {
            Assert.Equal(status, IdTokenJson.ParseStatus(AuthorizationStatusText.Of(status)));
        }

        Assert.Equal(AuthorizationStatus.Unknown, IdTokenJson.ParseStatus("NotAtThisLocation"));
        Assert.Equal(AuthorizationStatus.Unknown, IdTokenJson.ParseStatus("0"));
    }
}
