using Charger.Hal.Sim;
using Charger.Ocpp.Authorization;
using Charger.Ocpp.Tests.Transactions;

namespace Charger.Ocpp.Tests.Authorization;

public class AuthorizationDeciderTests
{
    private const long Now = 1_700_000_000_000;
    private readonly MemoryFileStore _store = new();
    private readonly RecordingLog _log = new();
    private readonly AuthCacheConfig _cacheConfig = new() { LifeTimeS = 3600 };
    private readonly LocalAuthListConfig _listConfig = new();
    private readonly AuthorizationCache _cache;
    private readonly LocalAuthorizationList _list;
    private readonly AuthorizationConfig _config = new();

    public AuthorizationDeciderTests()
    {
        _cache = new AuthorizationCache(_store, _log, _cacheConfig);
        _list = new LocalAuthorizationList(_store, _log, _listConfig);
    }

    private static readonly IdToken Group = new("FLEET-7", IdTokenType.Central);

    private static IdToken Rfid(string value) => new(value, IdTokenType.ISO14443);

    private void List(string value, AuthorizationStatus status) =>
        Assert.Equal(SendLocalListStatus.Accepted, _list.Apply(_list.InstalledVersion + 1, LocalListUpdateType.Differential,
            new[] { new AuthorizationData(Rfid(value), new IdTokenInfo(status, Group, 0)) }, 100).Status);

    private void Cache(string value, AuthorizationStatus status, long atUtcMs = Now) =>
        _cache.Store(Rfid(value), new IdTokenInfo(status, Group, 0), atUtcMs);

    private AuthorizationDecision Decide(IdToken token, bool online) => AuthorizationDecider.Decide(token, online, _config, _list, _cache, Now);

    [Theory]
    [InlineData(IdTokenType.eMAID)]
    [InlineData(IdTokenType.ISO14443)]
    [InlineData(IdTokenType.ISO15693)]
    [InlineData(IdTokenType.KeyCode)]
    [InlineData(IdTokenType.Local)]
    [InlineData(IdTokenType.MacAddress)]
    public void OnlineAnUnknownTokenOfAnyCheckableTypeIsAskedAbout(IdTokenType type)
    {
        var d = Decide(new IdToken("ID-1", type), online: true);
        Assert.Equal(AuthorizationOutcome.AskCsms, d.Outcome);
    }

    [Theory]
    [InlineData(IdTokenType.NoAuthorization, true)]
    [InlineData(IdTokenType.NoAuthorization, false)]
    [InlineData(IdTokenType.Central, true)]
    [InlineData(IdTokenType.Central, false)]
    public void NoAuthorizationAndCentralTokensAreNeverSentInAnAuthorizeRequest_C03_FR_01_C05_FR_01(IdTokenType type, bool online)
    {
        var d = Decide(new IdToken("", type), online);
        Assert.Equal(AuthorizationOutcome.AcceptLocally, d.Outcome);
        Assert.Equal(AuthorizationSource.TokenType, d.Source);
    }

    [Fact]
    public void WithAuthorizationDisabledEveryTokenIsAccepted()
    {
        _config.AuthEnabled = false;
        Assert.Equal(AuthorizationOutcome.AcceptLocally, Decide(Rfid("ANY"), online: false).Outcome);
    }

    [Fact]
    public void OnlineWithLocalPreAuthorizeAnAcceptedListEntryStartsAtOnce_C14_FR_02()
    {
        _config.LocalPreAuthorize = true;
        List("AA", AuthorizationStatus.Accepted);
        var d = Decide(Rfid("aa"), online: true);
        Assert.Equal(AuthorizationOutcome.AcceptLocally, d.Outcome);
        Assert.Equal(AuthorizationSource.LocalList, d.Source);
        Assert.Equal("FLEET-7", d.GroupIdToken.Value);
        Assert.False(d.AcceptedOffline);
    }

    [Fact]
    public void OnlineAListEntryThatIsNotAcceptedIsAskedAbout_C14_FR_03()
    {
        _config.LocalPreAuthorize = true;
        List("AA", AuthorizationStatus.Blocked);
        Assert.Equal(AuthorizationOutcome.AskCsms, Decide(Rfid("AA"), online: true).Outcome);
    }

    [Fact]
    public void OnlineWithoutLocalPreAuthorizeEvenAListedTokenIsAskedAbout()
    {
        List("AA", AuthorizationStatus.Accepted);
        Assert.Equal(AuthorizationOutcome.AskCsms, Decide(Rfid("AA"), online: true).Outcome);
    }

    [Fact]
    public void OfflineAnAcceptedListEntryIsAcceptedAndMarkedAsAcceptedOffline()
    {
        List("AA", AuthorizationStatus.Accepted);
        var d = Decide(Rfid("AA"), online: false);
        Assert.Equal(AuthorizationOutcome.AcceptLocally, d.Outcome);
        Assert.True(d.AcceptedOffline);
    }

    [Fact]
    public void OfflineAKnownButInvalidTokenIsRefusedEvenWhenUnknownTokensAreAllowed_C13_FR_04()
    {
        _config.OfflineTxForUnknownIdEnabled = true;
        List("AA", AuthorizationStatus.Blocked);
        Cache("BB", AuthorizationStatus.Invalid);
        Assert.Equal(AuthorizationOutcome.Reject, Decide(Rfid("AA"), online: false).Outcome);
        Assert.Equal(AuthorizationOutcome.Reject, Decide(Rfid("BB"), online: false).Outcome);
        Assert.Equal(AuthorizationStatus.Blocked, Decide(Rfid("AA"), online: false).Status);
    }

    [Fact]
    public void TheLocalListTakesPrecedenceOverTheCache()
    {
        List("AA", AuthorizationStatus.Blocked);
        Cache("AA", AuthorizationStatus.Accepted);
        var d = Decide(Rfid("AA"), online: false);
        Assert.Equal(AuthorizationOutcome.Reject, d.Outcome);
        Assert.Equal(AuthorizationSource.LocalList, d.Source);
    }

    [Fact]
    public void OfflineAnAcceptedCacheEntryIsAcceptedButAnExpiredOneIsNot_C10_FR_10()
    {
        _config.OfflineTxForUnknownIdEnabled = true;
        Cache("AA", AuthorizationStatus.Accepted);
        Cache("OLD", AuthorizationStatus.Accepted, Now - 3_600_001);
        Assert.Equal(AuthorizationOutcome.AcceptLocally, Decide(Rfid("AA"), online: false).Outcome);
        var expired = Decide(Rfid("OLD"), online: false);
        Assert.Equal(AuthorizationOutcome.Reject, expired.Outcome);
        Assert.Equal(AuthorizationStatus.Expired, expired.Status);
    }

    [Fact]
    public void OnlineANonAcceptedCacheEntryIsAskedAboutUnlessDisablePostAuthorize_C10_FR_03()
    {
        _config.LocalPreAuthorize = true;
        Cache("AA", AuthorizationStatus.Invalid);
        Assert.Equal(AuthorizationOutcome.AskCsms, Decide(Rfid("AA"), online: true).Outcome);
        _cacheConfig.DisablePostAuthorize = true;
        Assert.Equal(AuthorizationOutcome.Reject, Decide(Rfid("AA"), online: true).Outcome);
    }

    [Fact]
    public void OfflineWithoutLocalAuthorizeOfflineNeitherListNorCacheIsUsed()
    {
        _config.LocalAuthorizeOffline = false;
        List("AA", AuthorizationStatus.Accepted);
        Cache("BB", AuthorizationStatus.Accepted);
        Assert.Equal(AuthorizationOutcome.Reject, Decide(Rfid("AA"), online: false).Outcome);
        Assert.Equal(AuthorizationOutcome.Reject, Decide(Rfid("BB"), online: false).Outcome);
    }

    [Fact]
    public void ADisabledListOrCacheIsNotConsulted()
    {
        List("AA", AuthorizationStatus.Accepted);
        Cache("BB", AuthorizationStatus.Accepted);
        _listConfig.Enabled = false;
        _cacheConfig.Enabled = false;
        Assert.Equal(AuthorizationOutcome.Reject, Decide(Rfid("AA"), online: false).Outcome);
        Assert.Equal(AuthorizationOutcome.Reject, Decide(Rfid("BB"), online: false).Outcome);
    }

    [Fact]
    public void OfflineAnUnknownTokenIsAcceptedOnlyWithOfflineTxForUnknownIdEnabled_C13()
    {
        Assert.Equal(AuthorizationOutcome.Reject, Decide(Rfid("NEW"), online: false).Outcome);
        _config.OfflineTxForUnknownIdEnabled = true;
        var d = Decide(Rfid("NEW"), online: false);
        Assert.Equal(AuthorizationOutcome.AcceptLocally, d.Outcome);
        Assert.Equal(AuthorizationSource.UnknownOffline, d.Source);
        Assert.True(d.AcceptedOffline);
    }

    [Fact]
    public void WithRemoteAuthorizationDisabledAnUnknownTokenIsRefusedOnline()
    {
        _config.DisableRemoteAuthorization = true;
        Assert.Equal(AuthorizationOutcome.Reject, Decide(Rfid("NEW"), online: true).Outcome);
    }

    [Fact]
    public void TheCsmsAnswerIsCachedExceptForTokensOnTheLocalList_C10_FR_04()
    {
        List("AA", AuthorizationStatus.Accepted);
        var accepted = new IdTokenInfo(AuthorizationStatus.Accepted, null, 0);
        Assert.False(AuthorizationDecider.RecordCsmsAnswer(Rfid("AA"), accepted, _list, _cache, Now));
        Assert.True(AuthorizationDecider.RecordCsmsAnswer(Rfid("BB"), accepted, _list, _cache, Now));
        Assert.Equal(1, _cache.Count);
        Assert.Equal(AuthorizationOutcome.AcceptLocally, Decide(Rfid("BB"), online: false).Outcome);
    }
}
