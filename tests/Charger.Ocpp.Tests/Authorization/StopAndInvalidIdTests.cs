using Charger.Hal.Sim;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.Tests.Transactions;

namespace Charger.Ocpp.Tests.Authorization;

public class StopAndInvalidIdTests
{
    private static readonly IdToken Start = new("04A1B2C3", IdTokenType.ISO14443);
    private static readonly IdToken Fleet = new("FLEET-7", IdTokenType.Central);

    [Fact]
    public void TheSameTokenMayStopItsTransactionWhateverTheCaseOfItsValue_E07()
    {
        Assert.True(StopAuthorization.MayStop(Start, null, new IdToken("04a1b2c3", IdTokenType.ISO14443), null, null));
        Assert.False(StopAuthorization.MayStop(Start, null, new IdToken("04A1B2C3", IdTokenType.ISO15693), null, null));
    }

    [Fact]
    public void ATokenOfTheSameGroupMayStopTheTransactionAnotherMayNot_C09()
    {
        var colleague = new IdToken("0499FFEE", IdTokenType.ISO14443);
        Assert.True(StopAuthorization.MayStop(Start, Fleet, colleague, new IdToken("fleet-7", IdTokenType.Central), null));
        Assert.False(StopAuthorization.MayStop(Start, Fleet, colleague, new IdToken("FLEET-8", IdTokenType.Central), null));
        Assert.False(StopAuthorization.MayStop(Start, Fleet, colleague, null, null));
        Assert.False(StopAuthorization.MayStop(Start, null, colleague, Fleet, null));
    }

    [Fact]
    public void AMasterPassMayStopAnyTransaction_C16()
    {
        var master = new IdToken("MASTER", IdTokenType.Central);
        Assert.True(StopAuthorization.MayStop(Start, Fleet, new IdToken("TECH-1", IdTokenType.KeyCode), master, master));
    }

    [Fact]
    public void AnAcceptedTokenChangesNothing()
    {
        Assert.Equal(InvalidIdAction.Continue, InvalidIdPolicy.Decide(AuthorizationStatus.Accepted, new InvalidIdConfig()));
    }

    [Theory]
    [InlineData(AuthorizationStatus.Invalid)]
    [InlineData(AuthorizationStatus.Blocked)]
    [InlineData(AuthorizationStatus.Expired)]
    [InlineData(AuthorizationStatus.Unknown)]
    public void WithStopTxOnInvalidIdTheTransactionEnds_E05(AuthorizationStatus status)
    {
        Assert.Equal(InvalidIdAction.StopTransaction, InvalidIdPolicy.Decide(status, new InvalidIdConfig { StopTxOnInvalidId = true, MaxEnergyOnInvalidIdWh = 500 }));
    }

    [Fact]
    public void WithoutStopTxOnInvalidIdEnergyIsSuspended_E05_FR_02()
    {
        Assert.Equal(InvalidIdAction.SuspendEnergy, InvalidIdPolicy.Decide(AuthorizationStatus.Invalid, new InvalidIdConfig { StopTxOnInvalidId = false }));
    }

    [Fact]
    public void WithMaxEnergyOnInvalidIdChargingGoesOnUntilTheTransactionDeliveredThatMuch_E05_FR_03()
    {
        var config = new InvalidIdConfig { StopTxOnInvalidId = false, MaxEnergyOnInvalidIdWh = 2_000 };
        Assert.Equal(InvalidIdAction.LimitEnergy, InvalidIdPolicy.Decide(AuthorizationStatus.Invalid, config));
        Assert.False(InvalidIdPolicy.EnergyLimitReached(1_999, config));
        Assert.True(InvalidIdPolicy.EnergyLimitReached(2_000, config));
    }

    [Fact]
    public void ATokenAcceptedOfflineAndRefusedOnceOnlineEndsTheTransaction()
    {
        var store = new MemoryFileStore();
        var log = new RecordingLog();
        var list = new LocalAuthorizationList(store, log, new LocalAuthListConfig());
        var cache = new AuthorizationCache(store, log, new AuthCacheConfig());
        var config = new AuthorizationConfig { OfflineTxForUnknownIdEnabled = true };
        var stranger = new IdToken("DEADBEEF", IdTokenType.ISO14443);
        const long now = 1_700_000_000_000;

        var offline = AuthorizationDecider.Decide(stranger, false, config, list, cache, now);
        Assert.Equal(AuthorizationOutcome.AcceptLocally, offline.Outcome);
        Assert.True(offline.AcceptedOffline);

        // Back online: the Started event's response says Invalid.
        var refused = new IdTokenInfo(AuthorizationStatus.Invalid, null, 0);
        AuthorizationDecider.RecordCsmsAnswer(stranger, refused, list, cache, now + 60_000);
        Assert.Equal(InvalidIdAction.StopTransaction, InvalidIdPolicy.Decide(refused.Status, new InvalidIdConfig()));

        // The next offline attempt with the same token is refused: the cache now knows it.
        Assert.Equal(AuthorizationOutcome.Reject, AuthorizationDecider.Decide(stranger, false, config, list, cache, now + 120_000).Outcome);
    }
}
