using Charger.Firmware.Diagnostics;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Ocpp;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Transport;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// Issue 16 on the real runtime: the connection's security-profile rules for wss:// (a trusted
    /// root required, the root checked, profile 3 presenting the client certificate without a
    /// password), through the loopback socket's simulated handshake.
    /// </summary>
    [TestClass]
    public class TlsOnTargetTests
    {
        private const string RootA = "-----BEGIN CERTIFICATE-----\nQUFBQQ==\n-----END CERTIFICATE-----\n";
        private const string RootB = "-----BEGIN CERTIFICATE-----\nQkJCQg==\n-----END CERTIFICATE-----\n";
        private const string Cert = "-----BEGIN CERTIFICATE-----\nQ0xJRU5U\n-----END CERTIFICATE-----\n";
        private const string Key = "-----BEGIN PRIVATE KEY-----\nS0VZ\n-----END PRIVATE KEY-----\n";

        private static LoopbackWebSocket _socket;

        private static ConnectionManager Build(int profile, string roots, string cert, string key)
        {
            LogRing log = new LogRing(new VirtualClock(0), 32);
            StationDeviceModel model = new StationDeviceModel(new MemoryFileStore(), log, new SeededRandom(1));
            StationConfig config = new StationConfig();
            config.CsmsUrl = "wss://csms.test";
            config.SecurityProfile = profile;
            config.BasicAuthPassword = "a-password-of-16-chars";
            config.CsmsRootCertificatesPem = roots;
            config.ClientCertificatePem = cert;
            config.ClientPrivateKeyPem = key;
            CoreVariables vars = new CoreVariables(model, config);
            _socket = new LoopbackWebSocket();
            _socket.Server.AutoAccept = true;
            _socket.Server.ServerRootPem = RootA;
            return new ConnectionManager(_socket, vars, config, new SeededRandom(1), log);
        }

        [TestMethod]
        public void WssWithoutATrustedRootNeverReachesTheServer()
        {
            ConnectionManager c = Build(2, null, null, null);
            c.Tick(0);
            c.Tick(10);
            Assert.AreEqual(0, _socket.Server.OpenRequests);
            Assert.AreEqual(1, c.TlsFailures);
            Assert.IsTrue(c.LastTlsFailure.IndexOf("(code 1015)") > 0);
        }

        [TestMethod]
        public void AServerFromAnotherRootIsRefusedAndItsOwnRootIsAccepted()
        {
            ConnectionManager wrong = Build(2, RootB, null, null);
            wrong.Tick(0);
            wrong.Tick(10);
            Assert.AreEqual(0, _socket.Server.OpenRequests);
            Assert.AreEqual(1, _socket.Server.TlsRefusals);

            ConnectionManager right = Build(2, RootB + RootA, null, null);
            right.Tick(0);
            right.Tick(10);
            Assert.AreEqual(ConnectionState.Connected, right.State);
            Assert.IsTrue(_socket.Server.RequestedAuthorization.IndexOf("Basic ") == 0);
            Assert.IsNull(_socket.Tls.ClientCertificatePem);
        }

        [TestMethod]
        public void Profile3PresentsTheClientCertificateAndNoPassword()
        {
            ConnectionManager c = Build(3, RootA, Cert, Key);
            c.Tick(0);
            c.Tick(10);
            Assert.AreEqual(ConnectionState.Connected, c.State);
            Assert.AreEqual(Cert, _socket.Tls.ClientCertificatePem);
            Assert.IsNull(_socket.Server.RequestedAuthorization);

            ConnectionManager none = Build(3, RootA, null, null);
            none.Tick(0);
            Assert.AreEqual(ConnectionState.Misconfigured, none.State);
        }
    }
}
