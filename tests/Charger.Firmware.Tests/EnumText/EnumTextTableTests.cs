using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Charger.Firmware.Charging;
using Charger.Firmware.Safety;
using Charger.Firmware.Station;

namespace Charger.Firmware.Tests.EnumText;

/// <summary>
/// Every enum that device code turns into text goes through an explicit XxxText table (Enum.ToString
/// gives the NUMBER on nanoFramework 1.x; gate rule NF1016). Desktop .NET prints names, so these tests
/// reflect over Enum.GetValues: a member added to an enum without a row in its table fails here, and
/// each table gives exactly the name desktop .NET prints, so desktop and device output stay identical.
/// </summary>
public class EnumTextTableTests
{
    private static readonly Assembly[] DeviceAssemblies =
    {
        typeof(Charger.Hal.WebSocketState).Assembly,
        typeof(Charger.Metering.Service.MeterHealth).Assembly,
        typeof(Charger.Ocpp.ConnectorStatus).Assembly,
        typeof(Charger.Ocpp.Json.JsonWriter).Assembly,
        typeof(Charger.Crypto.ChainStatus).Assembly,
        typeof(Charger.Ota.Bundle.BundleError).Assembly,
        typeof(IecState).Assembly,
    };

    /// <summary>Each public static XxxText class with an Of(Xxx) method, Xxx an enum.</summary>
    public static IEnumerable<object[]> Tables()
    {
        return DeviceAssemblies
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Text", StringComparison.Ordinal))
            .Select(t => new { Table = t, Of = OfMethod(t) })
            .Where(x => x.Of != null)
            .OrderBy(x => x.Table.FullName, StringComparer.Ordinal)
            .Select(x => new object[] { x.Table.FullName });
    }

    private static MethodInfo OfMethod(Type table)
    {
        MethodInfo of = table.GetMethod("Of", BindingFlags.Public | BindingFlags.Static);
        if (of == null || of.ReturnType != typeof(string) || of.GetParameters().Length != 1 || !of.GetParameters()[0].ParameterType.IsEnum)
        {
            return null;
        }

        return of;
    }

    private static Type TableType(string fullName)
    {
        return DeviceAssemblies.Select(a => a.GetType(fullName)).Single(t => t != null);
    }

    private static string Of(Type table, object value)
    {
        return (string)OfMethod(table).Invoke(null, new[] { value });
    }

    [Fact]
    public void EveryEnumTheDeviceTurnsIntoText_HasItsTable()
    {
        string[] found = Tables().Select(row => (string)row[0]).ToArray();

        // The enums whose ToString calls the gate found on the device (issue 11): wire, console, log, parsing.
        string[] expected =
        {
            "Charger.Firmware.Charging.IecStateText", "Charger.Firmware.Pilot.PilotLevelText", "Charger.Firmware.Pilot.CableStatusText",
            "Charger.Firmware.Thermal.DeratingStageText", "Charger.Firmware.Thermal.SensorStatusText", "Charger.Firmware.Safety.FaultCodeText",
            "Charger.Metering.Service.MeterHealthText", "Charger.Hal.WebSocketStateText",
            "Charger.Ocpp.Transactions.ChargingStateText", "Charger.Ocpp.Transactions.StopReasonText",
            "Charger.Ocpp.Transactions.UnlockStatusText", "Charger.Ocpp.Transactions.TransactionEventTypeText",
            "Charger.Ocpp.Authorization.AuthorizationStatusText", "Charger.Ocpp.Authorization.PresentResultText",
            "Charger.Ocpp.Authorization.InvalidIdActionText", "Charger.Ocpp.Authorization.AuthCachePolicyText",
            "Charger.Ocpp.Authorization.LocalListUpdateTypeText", "Charger.Ocpp.Authorization.SendLocalListStatusText",
            "Charger.Ocpp.Json.JsonValueKindText", "Charger.Ocpp.Transport.ConnectionStateText",
            "Charger.Ocpp.Rpc.RegistrationStateText", "Charger.Ocpp.ConnectorStatusText",
        };
        Assert.Empty(expected.Except(found));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryMember_MapsToItsOwnName_DistinctAndNotANumber(string tableName)
    {
        Type table = TableType(tableName);
        Type enumType = OfMethod(table).GetParameters()[0].ParameterType;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (object member in Enum.GetValues(enumType))
        {
            string text = Of(table, member);

            Assert.False(string.IsNullOrEmpty(text), enumType.Name + "." + member + " has no text");
            Assert.False(text.StartsWith("?", StringComparison.Ordinal), enumType.Name + "." + member + " has no row in " + table.Name);
            Assert.False(long.TryParse(text, out _), enumType.Name + "." + member + " maps to the number " + text);
            Assert.True(seen.Add(text), enumType.Name + ": two members map to '" + text + "'");
            // The name desktop .NET prints: desktop and device outputs stay byte-identical.
            Assert.Equal(Enum.GetName(enumType, member), text);
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void ValueOutsideTheEnum_GivesAMarkedTextInsteadOfThrowing(string tableName)
    {
        Type table = TableType(tableName);
        Type enumType = OfMethod(table).GetParameters()[0].ParameterType;

        string text = Of(table, Enum.ToObject(enumType, 99));

        Assert.Equal("?99", text);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void TablesThatParse_RoundTripEveryMemberAndRefuseAnythingElse(string tableName)
    {
        Type table = TableType(tableName);
        Type enumType = OfMethod(table).GetParameters()[0].ParameterType;
        MethodInfo tryParse = table.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static);
        if (tryParse == null)
        {
            return; // this enum is only printed, never read back
        }

        foreach (object member in Enum.GetValues(enumType))
        {
            object[] args = { Of(table, member), null };
            Assert.True((bool)tryParse.Invoke(null, args), table.Name + ".TryParse refused " + args[0]);
            Assert.Equal(member, args[1]);
        }

        foreach (string bad in new[] { null, "", " ", "0", "1", "?0", "NoSuchName" })
        {
            object[] args = { bad, null };
            Assert.False((bool)tryParse.Invoke(null, args), table.Name + ".TryParse accepted '" + bad + "'");
        }
    }

    [Fact]
    public void OcppTables_ParseExactSpelling_Only()
    {
        // OCPP enum values are case-sensitive on the wire (OCPP-J JSON schemas): "charging" is not a value.
        Assert.False(Charger.Ocpp.Transactions.ChargingStateText.TryParse("charging", out _));
        Assert.False(Charger.Ocpp.Authorization.AuthorizationStatusText.TryParse("ACCEPTED", out _));
    }

    [Theory]
    [InlineData("ContactorWelded", FaultCode.ContactorWelded)]
    [InlineData("contactorwelded", FaultCode.ContactorWelded)]
    [InlineData("OVERTEMPERATURE", FaultCode.OverTemperature)]
    [InlineData("RcdTrip", FaultCode.RcdTrip)]
    public void FaultClearArgument_ParsesThroughTheTableInAnyCase(string typed, FaultCode expected)
    {
        Assert.True(StationFaultControl.TryParse(typed, out FaultCode code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("8")]
    [InlineData("Welded")]
    [InlineData(null)]
    public void FaultClearArgument_ThatIsNoName_IsRefused(string typed)
    {
        Assert.False(StationFaultControl.TryParse(typed, out _));
    }
}
