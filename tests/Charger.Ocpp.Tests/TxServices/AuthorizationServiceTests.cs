using System.Text.Json;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Transactions;
using static Charger.Ocpp.Tests.TxServices.TxHarness;

namespace Charger.Ocpp.Tests.TxServices;

/// <summary>Functional blocks C and D through the real RPC: Authorize, cache, local list, offline rules, invalid ids, stop rights.</summary>
public class AuthorizationServiceTests
{
    private readonly TxHarness _h = new();

    public AuthorizationServiceTests()
    {
        _h.Boot();
    }

    [Fact]
    public void UnknownTokenOnlineIsAskedOfTheCsmsAndTheAnswerIsCached_C01_C10_FR_04()
    {
        Assert.Equal(PresentResult.Pending, _h.Auth.PresentIdToken(1, "RFID-7", IdTokenType.ISO14443, _h.Now));
        _h.Run(300);
        var authorize = _h.Calls.Single(c => c.Action == "Authorize").Payload;
        Assert.Equal("RFID-7", Str(authorize, "idToken", "idToken"));
        Assert.Equal("ISO14443", Str(authorize, "idToken", "type"));
        Assert.True(_h.Control.LastAuthorization(1));
        Assert.Equal(1, _h.Auth.Cache.Count);

        // Offline later, the cached Accepted token still authorizes (C12, LocalAuthorizeOffline).
        _h.Tx.EvDisconnected(1, _h.Now);
        _h.Tx.EvConnected(1, 1, _h.Now);
        Assert.Equal(PresentResult.Stopped, _h.Auth.PresentIdToken(1, "RFID-7", IdTokenType.ISO14443, _h.Now));
        _h.Drop();
        Assert.Equal(PresentResult.Accepted, _h.Auth.PresentIdToken(2, "RFID-7", IdTokenType.ISO14443, _h.Now));
        Assert.Equal(1, _h.CallCount("Authorize"));
    }

    [Fact]
    public void RefusedTokenIsReportedAndStartsNothing_C01_FR_02()
    {
        _h.TokenStatus["BAD-1"] = "Blocked";
        _h.Tx.EvConnected(1, 1, _h.Now);
        _h.Auth.PresentIdToken(1, "BAD-1", IdTokenType.ISO14443, _h.Now);
        _h.Run(300);
        Assert.Contains((1, "Blocked"), _h.Control.Rejections);
        Assert.Null(_h.Control.LastAuthorization(1));
        Assert.Empty(_h.Events());
    }

    [Fact]
    public void OfflineUnknownTokenIsRefusedUnlessOfflineTxForUnknownIdEnabled_C13()
    {
        _h.Drop();
        Assert.Equal(PresentResult.Rejected, _h.Auth.PresentIdToken(1, "NEW-1", IdTokenType.ISO14443, _h.Now));
        _h.Set(CoreVariables.AuthCtrlr, "OfflineTxForUnknownIdEnabled", "true");
        Assert.Equal(PresentResult.Accepted, _h.Auth.PresentIdToken(1, "NEW-1", IdTokenType.ISO14443, _h.Now));
        Assert.True(_h.Control.LastAuthorization(1));
    }

    [Fact]
    public void TokenAcceptedOfflineButInvalidOnlineEndsTheTransaction_E05_StopTxOnInvalidId()
    {
        _h.Set(CoreVariables.AuthCtrlr, "OfflineTxForUnknownIdEnabled", "true");
        _h.TokenStatus["NEW-1"] = "Invalid";
        _h.Drop();
        _h.PlugAndCharge(1, "NEW-1", 100);
        Assert.Empty(_h.Events());
        _h.Run(120_000, 500);
        var events = _h.Events();
        Assert.True(events[0].GetProperty("offline").GetBoolean());
        var ended = events.Single(e => Str(e, "eventType") == "Ended");
        Assert.Equal("DeAuthorized", Str(ended, "transactionInfo", "stoppedReason"));
        Assert.Equal("Deauthorized", Str(ended, "triggerReason"));
        Assert.Contains(1, _h.Control.StopRequests);
        Assert.False(_h.Control.LastAuthorization(1));
    }

    [Fact]
    public void WithoutStopTxOnInvalidIdEnergyIsLimitedToMaxEnergyOnInvalidId_E05()
    {
        _h.Set(CoreVariables.AuthCtrlr, "OfflineTxForUnknownIdEnabled", "true");
        _h.Set(CoreVariables.TxCtrlr, "StopTxOnInvalidId", "false");
        _h.Set(CoreVariables.TxCtrlr, "MaxEnergyOnInvalidId", "500");
        _h.TokenStatus["NEW-1"] = "Invalid";
        _h.Drop();
        _h.PlugAndCharge(1, "NEW-1", 1000);
        _h.Run(120_000, 500);
        Assert.True(_h.Tx.HasTransaction(1));
        Assert.True(_h.Control.LastAuthorization(1));
        _h.Tx.UpdateMeter(1, Reading(1400), _h.Now);
        Assert.True(_h.Control.LastAuthorization(1));
        _h.Tx.UpdateMeter(1, Reading(1500), _h.Now);
        Assert.False(_h.Control.LastAuthorization(1));
        _h.Run(300);
        Assert.Equal("EnergyLimitReached", Str(_h.Events()[^1], "triggerReason"));
        Assert.True(_h.Tx.HasTransaction(1));
    }

    [Fact]
    public void ATokenOfTheSameGroupMayStopAndAnotherMayNot_C09()
    {
        _h.PlugAndCharge(1, "RFID-1", 0);
        Assert.Equal(PresentResult.Pending, _h.Auth.PresentIdToken(1, "G2-OTHER", IdTokenType.ISO14443, _h.Now));
        _h.Run(300);
        Assert.Contains((1, "NotAllowedToStop"), _h.Control.Rejections);
        Assert.True(_h.Tx.HasTransaction(1));

        Assert.Equal(PresentResult.Pending, _h.Auth.PresentIdToken(1, "RFID-2", IdTokenType.ISO14443, _h.Now));
        _h.Run(300);
        Assert.False(_h.Tx.HasTransaction(1));
        Assert.Equal("StopAuthorized", Str(_h.Events()[^1], "triggerReason"));

        // Now cached with its group: the next stop by a group member needs no Authorize.
        _h.PlugAndCharge(1, "RFID-1", 0);
        int authorizes = _h.CallCount("Authorize");
        Assert.Equal(PresentResult.Stopped, _h.Auth.PresentIdToken(1, "RFID-2", IdTokenType.ISO14443, _h.Now));
        Assert.Equal(authorizes, _h.CallCount("Authorize"));
    }

    [Fact]
    public void SendLocalListThenAnOfflineSwipeIsAcceptedFromTheList_D01_C15()
    {
        var reply = _h.Request("SendLocalList", "{\"versionNumber\":3,\"updateType\":\"Full\",\"localAuthorizationList\":["
            + "{\"idToken\":{\"idToken\":\"LIST-1\",\"type\":\"ISO14443\"},\"idTokenInfo\":{\"status\":\"Accepted\"}},"
            + "{\"idToken\":{\"idToken\":\"LIST-2\",\"type\":\"ISO14443\"},\"idTokenInfo\":{\"status\":\"Blocked\"}}]}");
        Assert.Equal("Accepted", reply.GetProperty("status").GetString());
        Assert.Equal(3, _h.Request("GetLocalListVersion", "{}").GetProperty("versionNumber").GetInt32()); // D02.FR.01
        Assert.Equal("2", _h.Station.DeviceModel.Find(CoreVariables.LocalAuthListCtrlr, "Entries").Value);

        _h.Drop();
        Assert.Equal(PresentResult.Accepted, _h.Auth.PresentIdToken(1, "LIST-1", IdTokenType.ISO14443, _h.Now));
        Assert.Equal(PresentResult.Rejected, _h.Auth.PresentIdToken(2, "LIST-2", IdTokenType.ISO14443, _h.Now));
        Assert.Equal(0, _h.CallCount("Authorize"));

        // The list survives a reboot.
        _h.Reboot();
        _h.Boot();
        Assert.Equal(3, _h.Request("GetLocalListVersion", "{}").GetProperty("versionNumber").GetInt32());
    }

    [Fact]
    public void SendLocalListWithAnOlderDifferentialVersionIsAVersionMismatch_D01()
    {
        _h.Request("SendLocalList", "{\"versionNumber\":5,\"updateType\":\"Full\"}");
        var reply = _h.Request("SendLocalList", "{\"versionNumber\":4,\"updateType\":\"Differential\",\"localAuthorizationList\":["
            + "{\"idToken\":{\"idToken\":\"LIST-1\",\"type\":\"ISO14443\"},\"idTokenInfo\":{\"status\":\"Accepted\"}}]}");
        Assert.Equal("VersionMismatch", reply.GetProperty("status").GetString());
    }

    [Fact]
    public void ClearCacheEmptiesTheCacheAndIsRejectedWhileDisabled_C11()
    {
        _h.Auth.PresentIdToken(1, "RFID-7", IdTokenType.ISO14443, _h.Now);
        _h.Run(300);
        Assert.Equal(1, _h.Auth.Cache.Count);
        Assert.Equal("Accepted", _h.Request("ClearCache", "{}").GetProperty("status").GetString());
        Assert.Equal(0, _h.Auth.Cache.Count);
        _h.Set(CoreVariables.AuthCacheCtrlr, "Enabled", "false");
        Assert.Equal("Rejected", _h.Request("ClearCache", "{}").GetProperty("status").GetString());
    }

    [Fact]
    public void AuthorizeWithoutAnswerFallsBackToTheOfflineRules_C13()
    {
        _h.Set(CoreVariables.AuthCtrlr, "OfflineTxForUnknownIdEnabled", "true");
        _h.Responder = (action, payload) => action == "Authorize" ? null : _h.DefaultAnswer(action, payload);
        Assert.Equal(PresentResult.Pending, _h.Auth.PresentIdToken(1, "SLOW-1", IdTokenType.ISO14443, _h.Now));
        Assert.Equal(PresentResult.Busy, _h.Auth.PresentIdToken(1, "SLOW-2", IdTokenType.ISO14443, _h.Now));
        _h.Run(29_000);
        Assert.Null(_h.Control.LastAuthorization(1));
        _h.Run(2_000); // MessageTimeout 30 s
        Assert.True(_h.Control.LastAuthorization(1));
        Assert.True(_h.Tx.StateOf(1).AuthorizedOffline);
    }

    [Fact]
    public void EveryIdTokenTypeIsAccepted_C01()
    {
        _h.Set(CoreVariables.AuthCtrlr, "LocalPreAuthorize", "true");
        string[] types = { "eMAID", "ISO14443", "ISO15693", "KeyCode", "Local", "MacAddress" };
        foreach (string type in types)
        {
            var t = IdToken.ParseType(type);
            Assert.Equal(PresentResult.Pending, _h.Auth.PresentIdToken(1, "TOK-" + type, t, _h.Now));
            _h.Run(300);
            Assert.Equal(type, Str(_h.Calls.Last(c => c.Action == "Authorize").Payload, "idToken", "type"));
            Assert.Equal(PresentResult.Stopped, _h.Auth.PresentIdToken(1, "TOK-" + type, t, _h.Now));
        }

        // NoAuthorization and Central need no AuthorizeRequest (C03.FR.01, C05.FR.01).
        int before = _h.CallCount("Authorize");
        Assert.Equal(PresentResult.Accepted, _h.Auth.PresentIdToken(2, "", IdTokenType.NoAuthorization, _h.Now));
        Assert.Equal(before, _h.CallCount("Authorize"));
    }
}
