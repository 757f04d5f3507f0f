using Charger.Sim.Models.Csms;
using Xunit.Abstractions;

namespace Charger.Sim.Tests.Csms
{
    /// <summary>
    /// Who may connect: subprotocol ocpp2.0.1 (OCPP-J 2.0.1 Part 4, 3.1.2) and, when a password is
    /// configured, HTTP Basic with user = station id (security profile 1/2).
    /// </summary>
    public sealed class ConnectionTests
    {
        private readonly ITestOutputHelper _output;

        public ConnectionTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Theory]
        [InlineData("ocpp2.0.1")]
        [InlineData("ocpp2.1, ocpp2.0.1")]
        public void StationOfferingOcpp201IsAccepted(string offered)
        {
            var harness = new CsmsHarness(_output);

            ConnectionVerdict verdict = harness.Csms.OnConnected("CP-1", offered, null, null);

            Assert.True(verdict.Accepted);
            Assert.Equal(101, verdict.HttpStatus);
            Assert.True(harness.Csms.Station("CP-1").Connected);
        }

        [Theory]
        [InlineData("ocpp1.6")]
        [InlineData("")]
        [InlineData(null)]
        public void StationNotOfferingOcpp201IsRefusedWithReason(string offered)
        {
            var harness = new CsmsHarness(_output);

            ConnectionVerdict verdict = harness.Csms.OnConnected("CP-1", offered, null, null);

            Assert.False(verdict.Accepted);
            Assert.Equal(400, verdict.HttpStatus);
            Assert.Contains("ocpp2.0.1", verdict.Reason);
            Assert.Null(harness.Csms.Station("CP-1"));
            Assert.Throws<System.InvalidOperationException>(() => harness.Csms.OnFrame("CP-1", "[2,\"1\",\"Heartbeat\",{}]"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("CP:1")]
        [InlineData("CP-0123456789012345678901234567890123456789012345")]
        public void StationIdThatIsNotAValidOcppIdentityIsRefused(string stationId)
        {
            var harness = new CsmsHarness(_output);

            ConnectionVerdict verdict = harness.Csms.OnConnected(stationId, "ocpp2.0.1", null, null);

            Assert.False(verdict.Accepted);
            Assert.Equal(400, verdict.HttpStatus);
        }

        [Fact]
        public void WrongPasswordIsRefusedWith401()
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { BasicAuthPassword = "s3cret-s3cret-s3cret" });

            ConnectionVerdict verdict = harness.Csms.OnConnected("CP-1", "ocpp2.0.1", "CP-1", "guess");

            Assert.False(verdict.Accepted);
            Assert.Equal(401, verdict.HttpStatus);
            Assert.Contains("password", verdict.Reason);
        }

        [Fact]
        public void MissingCredentialsAreRefusedWith401WhenAPasswordIsConfigured()
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { BasicAuthPassword = "s3cret-s3cret-s3cret" });

            ConnectionVerdict verdict = harness.Csms.OnConnected("CP-1", "ocpp2.0.1", null, null);

            Assert.Equal(401, verdict.HttpStatus);
        }

        [Fact]
        public void BasicAuthUserMustBeTheStationId()
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { BasicAuthPassword = "s3cret-s3cret-s3cret" });

            ConnectionVerdict verdict = harness.Csms.OnConnected("CP-1", "ocpp2.0.1", "CP-2", "s3cret-s3cret-s3cret");

            Assert.Equal(401, verdict.HttpStatus);
            Assert.Contains("CP-2", verdict.Reason);
        }

        [Fact]
        public void RightPasswordIsAccepted()
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { BasicAuthPassword = "s3cret-s3cret-s3cret" });

            Assert.True(harness.Csms.OnConnected("CP-1", "ocpp2.0.1", "CP-1", "s3cret-s3cret-s3cret").Accepted);
        }

        [Fact]
        public void EveryAttemptIsRecorded()
        {
            var harness = new CsmsHarness(_output, new CsmsOptions { BasicAuthPassword = "pw" });
            harness.Csms.OnConnected("CP-1", "ocpp2.0.1", "CP-1", "nope");
            harness.Clock.Advance(10_000);
            harness.Csms.OnConnected("CP-1", "ocpp2.0.1", "CP-1", "pw");

            var attempts = harness.Csms.ConnectionAttempts;

            Assert.Equal(2, attempts.Count);
            Assert.False(attempts[0].Verdict.Accepted);
            Assert.True(attempts[1].Verdict.Accepted);
            Assert.Equal(10_000, attempts[1].TimeMs);
            Assert.Equal(1, harness.Csms.Station("CP-1").ConnectCount);
        }

        [Fact]
        public void StationKeepsItsRegistrationAcrossReconnects()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();
            harness.Csms.OnDisconnected(CsmsHarness.StationId);
            harness.Connect();

            var heartbeat = harness.Request("Heartbeat", "{}");

            Assert.NotNull(heartbeat["currentTime"]);
            Assert.Equal(2, harness.Csms.Station(CsmsHarness.StationId).ConnectCount);
            Assert.Equal(1, harness.Csms.Station(CsmsHarness.StationId).BootCount);
        }

        [Fact]
        public void ReconnectBeforeTheOldSocketClosedReplacesIt()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();
            CsmsCall call = harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.ClearCache());

            harness.Connect();

            Assert.Equal(CsmsCallState.ConnectionLost, call.State);
            Assert.True(harness.Csms.Station(CsmsHarness.StationId).Connected);
            Assert.Equal(2, harness.Csms.Station(CsmsHarness.StationId).ConnectCount);
        }

        [Fact]
        public void FramesForADisconnectedStationAreNotKeptForTheNextConnection()
        {
            var harness = new CsmsHarness(_output);
            harness.ConnectAndBoot();
            harness.Csms.Send(CsmsHarness.StationId, CsmsRequests.ClearCache());
            harness.Csms.OnDisconnected(CsmsHarness.StationId);

            Assert.Empty(harness.Csms.TakeOutbound(CsmsHarness.StationId));
        }
    }
}
