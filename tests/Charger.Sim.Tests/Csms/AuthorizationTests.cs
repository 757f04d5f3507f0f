using System.Text.Json.Nodes;
using Charger.Sim.Models.Csms;
using Xunit.Abstractions;

namespace Charger.Sim.Tests.Csms
{
    /// <summary>Authorize answers from the CSMS's token registry (OCPP 2.0.1 C01, C09 group ids).</summary>
    public sealed class AuthorizationTests
    {
        private readonly ITestOutputHelper _output;

        public AuthorizationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Theory]
        [InlineData("RFID-0001")]
        [InlineData("RFID-0005")]
        public void DefaultTokensAreAcceptedWithTheirGroup_C01(string token)
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonObject info = Authorize(harness, token, "ISO14443");

            Assert.Equal("Accepted", (string)info["status"]);
            Assert.Equal(TokenRegistry.DefaultGroupIdToken, (string)info["groupIdToken"]["idToken"]);
            Assert.Equal("Central", (string)info["groupIdToken"]["type"]);
        }

        [Fact]
        public void UnlistedTokenIsUnknown()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            JsonObject info = Authorize(harness, "RFID-0006", "ISO14443");

            Assert.Equal("Unknown", (string)info["status"]);
            Assert.False(info.ContainsKey("groupIdToken"));
        }

        [Fact]
        public void BlockedTokenIsBlocked()
        {
            var harness = new CsmsHarness(_output);
            harness.Csms.Tokens.Block("RFID-0003");
            harness.ConnectAndBoot();

            Assert.Equal("Blocked", (string)Authorize(harness, "RFID-0003", "ISO14443")["status"]);
        }

        [Fact]
        public void ConfiguredStatusesSuchAsExpiredAreAnswered()
        {
            var harness = new CsmsHarness(_output);
            harness.Csms.Tokens.Set("OLD-CARD", "ISO14443", "Expired", null);
            harness.ConnectAndBoot();

            Assert.Equal("Expired", (string)Authorize(harness, "OLD-CARD", "ISO14443")["status"]);
        }

        [Fact]
        public void KnownTokenPresentedWithAnotherTypeIsUnknown()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            Assert.Equal("Unknown", (string)Authorize(harness, "RFID-0001", "KeyCode")["status"]);
        }

        [Fact]
        public void UnknownTokenPolicyCanAcceptEveryone()
        {
            var harness = new CsmsHarness(_output);
            harness.Csms.Tokens.UnknownTokenStatus = "Accepted";
            harness.ConnectAndBoot();

            Assert.Equal("Accepted", (string)Authorize(harness, "ANY-CARD", "ISO15693")["status"]);
        }

        [Fact]
        public void NoAuthorizationTokenIsAccepted()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();

            Assert.Equal("Accepted", (string)Authorize(harness, string.Empty, "NoAuthorization")["status"]);
        }

        [Fact]
        public void RegistryRefusesStatusesOcppDoesNotHave()
        {
            var registry = new TokenRegistry();

            Assert.Throws<System.ArgumentException>(() => registry.Set("X", "ISO14443", "Maybe", null));
            Assert.Throws<System.ArgumentException>(() => registry.Set("X", "Barcode", "Accepted", null));
        }

        private static JsonObject Authorize(CsmsHarness harness, string token, string type)
        {
            return harness.Request("Authorize",
                "{\"idToken\":{\"idToken\":\"" + token + "\",\"type\":\"" + type + "\"}}")["idTokenInfo"].AsObject();
        }
    }
}
