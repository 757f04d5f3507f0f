using System.Text;
using System.Text.Json;
using Charger.Hal.Sim;
using Charger.Ocpp.Security;
using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests.Security;

/// <summary>BasicAuthPassword (A01) and the security profile (A05).</summary>
public class BasicAuthAndProfileTests
{
    private const string NewPassword = "another-secret-0123456";
    private readonly StationHarness _h = new();

    private static string Basic(string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("CS001:" + password));

    private JsonElement SetPassword(string value)
    {
        var reply = _h.Request("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"" + value
            + "\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"BasicAuthPassword\"}}]}");
        return reply[2].GetProperty("setVariableResult")[0];
    }

    [Fact]
    public void GetVariablesNeverReturnsThePassword()
    {
        _h.Boot();
        _h.AnswerAll();
        var reply = _h.Request("GetVariables", "{\"getVariableData\":[{\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"BasicAuthPassword\"}}]}");
        var result = reply[2].GetProperty("getVariableResult")[0];
        Assert.Equal("Rejected", result.GetProperty("attributeStatus").GetString());
        Assert.False(result.TryGetProperty("attributeValue", out _));
    }

    [Theory]
    [InlineData(15, "ValueTooShort")]
    [InlineData(41, "ValueTooLong")]
    public void APasswordOutside16To40CharactersIsRejected_A00(int length, string reason)
    {
        _h.Boot();
        _h.AnswerAll();
        var result = SetPassword(new string('p', length));
        Assert.Equal("Rejected", result.GetProperty("attributeStatus").GetString());
        Assert.Equal(reason, result.GetProperty("attributeStatusInfo").GetProperty("reasonCode").GetString());
        Assert.Equal(1, _h.Socket.Server.OpenRequests);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(40)]
    public void ANewPasswordIsUsedAtOnceByReconnecting_A01_FR_02(int length)
    {
        _h.Boot();
        _h.AnswerAll();
        string password = new string('q', length);
        Assert.Equal("Accepted", SetPassword(password).GetProperty("attributeStatus").GetString());
        _h.Tick(3);
        Assert.Equal(1, _h.Socket.Server.OpenRequests); // the response leaves before the link is dropped
        _h.Run(BasicAuthPasswordChange.ReconnectDelayMs + 300);
        Assert.Equal(2, _h.Socket.Server.OpenRequests);
        Assert.Equal(Basic(password), _h.Socket.Server.RequestedAuthorization);
        Assert.False(_h.Station.PasswordChange.ChangePending);
        Assert.False(_h.Store.Exists(BasicAuthPasswordChange.PreviousRecord));
    }

    [Fact]
    public void ARefusedNewPasswordFallsBackToThePreviousOne()
    {
        _h.Boot();
        _h.AnswerAll();
        _h.Socket.Server.RequiredAuthorization = Basic(StationHarness.Password);
        Assert.Equal("Accepted", SetPassword(NewPassword).GetProperty("attributeStatus").GetString());
        _h.Run(BasicAuthPasswordChange.ReconnectDelayMs + 300);
        Assert.Equal(1, _h.Station.PasswordChange.Fallbacks);
        _h.Tick(3);
        Assert.True(_h.Socket.Server.IsOpen);
        Assert.Equal(Basic(StationHarness.Password), _h.Socket.Server.RequestedAuthorization);
        Assert.Equal(StationHarness.Password, _h.Station.Variables.BasicAuthPassword.Value);
        Assert.True(_h.Log.Contains("CSMS refused the new BasicAuthPassword"));
        var log = _h.Station.SecurityEvents.Log;
        Assert.Contains(Enumerable.Range(1, (int)log.LastSequence).Select(s => log.Read(s)), e => e != null && e.Type == "FailedToAuthenticateAtCsms");

        // After a reboot the working password is the one in force.
        _h.Restart();
        _h.Socket.Server.RequiredAuthorization = Basic(StationHarness.Password);
        _h.Tick(3);
        Assert.True(_h.Socket.Server.IsOpen);
    }

    [Fact]
    public void APowerCutBeforeTheNewPasswordIsProvenKeepsTheFallback()
    {
        _h.Boot();
        _h.AnswerAll();
        Assert.Equal("Accepted", SetPassword(NewPassword).GetProperty("attributeStatus").GetString());
        Assert.True(_h.Store.Exists(BasicAuthPasswordChange.PreviousRecord));
        _h.Restart();
        _h.Socket.Server.RequiredAuthorization = Basic(StationHarness.Password);
        _h.Tick(6);
        Assert.True(_h.Socket.Server.IsOpen);
        Assert.Equal(StationHarness.Password, _h.Station.Variables.BasicAuthPassword.Value);
    }

    [Fact]
    public void TheCsmsCannotSetTheSecurityProfile_A05()
    {
        _h.Boot();
        _h.AnswerAll();
        var reply = _h.Request("SetVariables", "{\"setVariableData\":[{\"attributeValue\":\"2\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"SecurityProfile\"}}]}");
        Assert.Equal("Rejected", reply[2].GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
    }

    [Fact]
    public void AProfileOnceUsedCannotBeDowngraded_A05()
    {
        var store = new MemoryFileStore();
        var secure = new StationConfig { StationId = "CS001", CsmsUrl = "wss://csms.test/ocpp/", BasicAuthPassword = StationHarness.Password, SecurityProfile = 2 };
        var h = new StationHarness(store, secure);
        h.Tick(2);
        Assert.True(h.Socket.Server.IsOpen);
        Assert.Equal(2, h.Station.SecurityProfile.Floor);
        Assert.False(h.Station.SecurityProfile.AllowsChangeTo(1));
        Assert.True(h.Station.SecurityProfile.AllowsChangeTo(3));

        var plain = new StationConfig { StationId = "CS001", CsmsUrl = "ws://csms.test/ocpp/", BasicAuthPassword = StationHarness.Password, SecurityProfile = 1 };
        var downgraded = new StationHarness(store, plain);
        downgraded.Tick(3);
        Assert.Equal(0, downgraded.Socket.Server.OpenRequests);
        Assert.Equal(2, downgraded.Station.Variables.SecurityProfile.IntValue);
        Assert.True(downgraded.Log.Contains("downgrade refused (A05)"));
    }
}
