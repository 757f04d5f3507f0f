using System;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Ocpp;
using Charger.Ocpp.Json;
using Charger.Ocpp.NetworkProfiles;
using Charger.Ocpp.Rpc;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// Issue 16, B09/B10 on the real runtime: the network profile slots (round trip, power cuts at the
    /// write, a torn record), the selection and fallback logic (attempts per entry, wrap-around, the
    /// last working slot), and a whole station storing a profile, rebooting onto it and falling back
    /// when it is unreachable. Mirrors tests/Charger.Ocpp.Tests/NetworkProfiles.
    /// </summary>
    [TestClass]
    public class NetworkProfilesOnTargetTests
    {
        private static MemoryFileStore _store;
        private static ListLog _log;

        private static NetworkProfile Profile(int slot, string url, int securityProfile)
        {
            NetworkProfile p = new NetworkProfile();
            p.Slot = slot;
            p.CsmsUrl = url;
            p.SecurityProfile = securityProfile;
            return p;
        }

        private static NetworkProfileStore Slots()
        {
            return new NetworkProfileStore(_store, Profile(0, "ws://csms.test/ocpp", 1), _log);
        }

        [TestMethod]
        public void AStoredProfileReadsBackAndAPowerCutKeepsOldOrNew()
        {
            _store = new MemoryFileStore();
            _log = new ListLog();
            NetworkProfileStore slots = Slots();
            Assert.AreEqual("ws://csms.test/ocpp", slots.Get(0).CsmsUrl);
            Assert.IsNull(slots.Get(1));
            Assert.IsNull(slots.Get(NetworkProfileStore.SlotCount));
            Assert.IsTrue(slots.Save(Profile(1, "wss://old.test/ocpp", 2)));
            NetworkProfile back = Slots().Get(1);
            Assert.AreEqual("wss://old.test/ocpp", back.CsmsUrl);
            Assert.AreEqual(2, back.SecurityProfile);
            Assert.AreEqual(30, back.MessageTimeoutS);
            Assert.AreEqual("OCPP20", back.OcppVersion);

            for (int keep = 0; keep < 2; keep++)
            {
                _store.CutPowerAtWrite(1, keep == 1);
                bool threw = false;
                try
                {
                    slots.Save(Profile(1, "wss://new.test/ocpp", 3));
                }
                catch (PowerCutException)
                {
                    threw = true;
                }

                Assert.IsTrue(threw);
                _store.RestorePower();
                Assert.AreEqual(keep == 1 ? "wss://new.test/ocpp" : "wss://old.test/ocpp", Slots().Get(1).CsmsUrl);
                Slots().Save(Profile(1, "wss://old.test/ocpp", 2));
            }

            // A medium without atomic replace cut past the old end: the truncated record is an empty slot.
            NetworkProfile longer = Profile(1, "wss://a-much-longer-host-name.test/ocpp/path", 2);
            _store.CutPowerInsideWrite(1, _store.Read(NetworkProfileStore.RecordPrefix + "1").Length + 3);
            try
            {
                slots.Save(longer);
            }
            catch (PowerCutException)
            {
            }

            _store.RestorePower();
            Assert.IsNull(Slots().Get(1));
        }

        [TestMethod]
        public void TheCheckRefusesWhatTheStationCannotUse()
        {
            Assert.IsNull(NetworkProfileCheck.Problem(Profile(1, "ws://csms2.test/ocpp", 1)));
            Assert.IsNull(NetworkProfileCheck.Problem(Profile(1, "wss://csms2.test:443/ocpp", 3)));
            Assert.IsNotNull(NetworkProfileCheck.Problem(Profile(1, "wss://csms2.test/ocpp", 1)));
            Assert.IsNotNull(NetworkProfileCheck.Problem(Profile(1, "ws://csms2.test/ocpp", 2)));
            Assert.IsNotNull(NetworkProfileCheck.Problem(Profile(1, "http://csms2.test/ocpp", 1)));
            Assert.IsNotNull(NetworkProfileCheck.Problem(Profile(1, "ws:///ocpp", 1)));
            Assert.IsNotNull(NetworkProfileCheck.Problem(Profile(1, "ws://a b", 1)));
            Assert.IsNotNull(NetworkProfileCheck.Problem(Profile(1, "ws://csms2.test", 0)));
            NetworkProfile soap = Profile(1, "ws://csms2.test", 1);
            soap.OcppTransport = "SOAP";
            Assert.IsNotNull(NetworkProfileCheck.Problem(soap));
        }

        [TestMethod]
        public void TheSelectorFallsBackAfterTheAttemptsWrapsAroundAndCatchesTheLastWorkingSlot()
        {
            _store = new MemoryFileStore();
            _log = new ListLog();
            NetworkProfileStore slots = Slots();
            slots.Save(Profile(1, "ws://one.test/ocpp", 1));
            slots.Save(Profile(2, "ws://two.test/ocpp", 1));

            NetworkProfileSelector s = new NetworkProfileSelector(slots, _store, "1,2", _log);
            s.AttemptsPerProfile = 2;
            Assert.AreEqual(1, s.Start().Slot); // B10.FR.04
            Assert.IsFalse(s.OnAttemptFailed());
            Assert.IsTrue(s.OnAttemptFailed()); // B10.FR.03
            Assert.AreEqual(2, s.ActiveSlot);
            s.OnAttemptFailed();
            s.OnAttemptFailed();
            Assert.AreEqual(1, s.ActiveSlot); // wrap-around: no last working slot yet
            Assert.IsTrue(s.OnConnected()); // moved since boot: BootNotification again (B10.FR.10)
            Assert.AreEqual(1, s.LastGoodSlot);

            // After a reboot with slot 0 first and slot 1 left out, slot 1 still catches the station (B10.FR.07).
            slots.Save(Profile(2, "ws://two.test/ocpp", 1));
            NetworkProfileSelector again = new NetworkProfileSelector(slots, _store, "0,2", _log);
            again.AttemptsPerProfile = 1;
            Assert.AreEqual(0, again.Start().Slot);
            again.OnAttemptFailed();
            Assert.AreEqual(2, again.ActiveSlot);
            again.OnAttemptFailed();
            Assert.AreEqual(1, again.ActiveSlot);
            again.OnAttemptFailed();
            Assert.AreEqual(0, again.ActiveSlot);
            Assert.IsTrue(again.OnConnected());
            Assert.AreEqual(0, again.LastGoodSlot);

            // A05: a floor above a slot's profile skips it; an empty slot is skipped.
            NetworkProfileSelector floored = new NetworkProfileSelector(slots, _store, "1,0", _log);
            floored.SecurityFloor = 2;
            Assert.IsNull(floored.Start());
            _store.Delete(NetworkProfileStore.RecordPrefix + "2");
            Assert.AreEqual("InvalidNetworkConf", floored.PriorityProblem("2,0"));
            Assert.AreEqual("NoSecurityDowngrade", floored.PriorityProblem("1"));
            Assert.AreEqual(0, NetworkProfileSelector.ParsePriority("").Length);
        }

        [TestMethod]
        public void AStationMigratesToANewCsmsAndFallsBackWhenItIsUnreachable()
        {
            _store = new MemoryFileStore();
            _log = new ListLog();
            long now = 1000;
            LoopbackWebSocket socket = NewSocket();
            OcppStation station = OnTargetStation.New(socket, _store, _log);
            Serve(socket, station, ref now, 5);
            Assert.IsTrue(socket.Server.IsOpen);

            socket.Server.Send("[2,\"n1\",\"SetNetworkProfile\",{\"configurationSlot\":1,\"connectionData\":{\"ocppVersion\":\"OCPP20\","
                + "\"ocppTransport\":\"JSON\",\"ocppCsmsUrl\":\"ws://csms2.test/ocpp\",\"messageTimeout\":30,\"securityProfile\":1,\"ocppInterface\":\"Wired0\"}}]");
            socket.Server.Send("[2,\"n2\",\"SetVariables\",{\"setVariableData\":[{\"attributeValue\":\"1,0\",\"component\":{\"name\":\"OCPPCommCtrlr\"},"
                + "\"variable\":{\"name\":\"NetworkConfigurationPriority\"}}]}]");
            string replies = Serve(socket, station, ref now, 5);
            Assert.IsTrue(replies.IndexOf("\"status\":\"Accepted\"") >= 0);
            Assert.IsTrue(replies.IndexOf("RebootRequired") >= 0);

            // Reboot: slot 1 first.
            socket = NewSocket();
            station = OnTargetStation.New(socket, _store, _log);
            Serve(socket, station, ref now, 3);
            Assert.AreEqual("ws://csms2.test/ocpp/CS001", socket.Server.RequestedUrl);
            Assert.AreEqual(1, station.NetworkProfiles.ActiveSlot);

            // Reboot again with csms2 gone: three attempts, then slot 0.
            socket = NewSocket();
            socket.Server.UnreachableUrlPart = "csms2.test";
            station = OnTargetStation.New(socket, _store, _log);
            for (int i = 0; i < 400 && !socket.Server.IsOpen; i++)
            {
                Serve(socket, station, ref now, 50);
            }

            Assert.IsTrue(socket.Server.IsOpen);
            Assert.AreEqual(3, socket.Server.UnreachableRefusals);
            Assert.AreEqual(0, station.NetworkProfiles.ActiveSlot);
            Assert.AreEqual("0", station.Variables.ActiveNetworkProfile.Value);
        }

        private static LoopbackWebSocket NewSocket()
        {
            LoopbackWebSocket socket = new LoopbackWebSocket();
            socket.Server.AutoAccept = true;
            return socket;
        }

        /// <summary>Answers every CALL for some ticks (1 s each); returns the CALLRESULT frames the station sent.</summary>
        private static string Serve(LoopbackWebSocket socket, OcppStation station, ref long now, int ticks)
        {
            string results = "";
            for (int i = 0; i < ticks; i++)
            {
                now += 1000;
                station.Tick(now);
                string text;
                while ((text = socket.Server.TakeReceived()) != null)
                {
                    JsonValue frame = new JsonParser().Parse(text);
                    if (frame[0].AsInteger != 2)
                    {
                        results += text;
                        continue;
                    }

                    string action = frame[2].Text;
                    string answer = "{}";
                    if (action == "BootNotification")
                    {
                        answer = "{\"currentTime\":\"2026-11-21T10:00:00.000Z\",\"interval\":300,\"status\":\"Accepted\"}";
                    }
                    else if (action == "Heartbeat")
                    {
                        answer = "{\"currentTime\":\"2026-11-21T10:00:00.000Z\"}";
                    }

                    socket.Server.Send("[3,\"" + frame[1].Text + "\"," + answer + "]");
                }
            }

            return results;
        }
    }
}
