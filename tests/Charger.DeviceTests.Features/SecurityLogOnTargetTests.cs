using System;
using System.Text;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Ocpp;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Security;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// Issue 16 on the real runtime: the security log ring (bounds, drop count, power cuts at every
    /// write of an append, both outcomes) and security events queued offline and across a power cut,
    /// then delivered in order; a GetLog upload of the security log through the simulated HTTP transfer.
    /// Mirrors tests/Charger.Ocpp.Tests/Security.
    /// </summary>
    [TestClass]
    public class SecurityLogOnTargetTests
    {
        private static readonly DateTime T0 = new DateTime(2026, 12, 7, 8, 0, 0);

        private static MemoryFileStore _store;
        private static ListLog _log;

        private static SecurityLog Open(int capacity)
        {
            SecurityLog log = new SecurityLog(_store, _log, capacity);
            log.Load();
            return log;
        }

        [TestMethod]
        public void TheRingDropsTheOldestCountsItAndSurvivesAReload()
        {
            _store = new MemoryFileStore();
            _log = new ListLog();
            SecurityLog log = Open(3);
            for (int i = 1; i <= 5; i++)
            {
                log.Append("InvalidMessages", i == 5, "n" + i, T0.AddSeconds(i));
            }

            Assert.AreEqual(3, log.Count);
            Assert.AreEqual(2L, log.Dropped);
            Assert.IsNull(log.Read(2));

            SecurityLog again = Open(3);
            Assert.AreEqual(3, again.Count);
            Assert.AreEqual(2L, again.Dropped);
            Assert.AreEqual(3L, again.FirstSequence);
            SecurityLogEntry last = again.Read(5);
            Assert.AreEqual("n5", last.TechInfo);
            Assert.IsTrue(last.Critical);
            Assert.AreEqual(T0.AddSeconds(5).Ticks, last.Timestamp.Ticks);
            Assert.AreEqual(5L, again.NextUndelivered().Sequence);
        }

        [TestMethod]
        public void APowerCutAtEveryWriteOfAnAppendLeavesAConsistentLog()
        {
            for (int cut = 1; cut <= 2; cut++)
            {
                for (int keep = 0; keep < 2; keep++)
                {
                    _store = new MemoryFileStore();
                    _log = new ListLog();
                    SecurityLog log = Open(3);
                    for (int i = 1; i <= 3; i++)
                    {
                        log.Append("InvalidMessages", false, "n" + i, T0.AddSeconds(i));
                    }

                    _store.CutPowerAtWrite(cut, keep == 1);
                    bool threw = false;
                    try
                    {
                        log.Append("TamperDetectionActivated", true, "lid", T0.AddSeconds(9));
                    }
                    catch (PowerCutException)
                    {
                        threw = true;
                    }

                    Assert.IsTrue(threw, "cut " + cut + " keep " + keep + " did not cut");
                    _store.RestorePower();
                    SecurityLog again = Open(3);
                    bool newKept = cut > 1 || keep == 1;
                    Assert.AreEqual(3, again.Count, "cut " + cut + " keep " + keep);
                    Assert.AreEqual(3, _store.List(SecurityLog.RecordPrefix).Length);
                    Assert.AreEqual(newKept ? 1L : 0L, again.Dropped);
                    Assert.AreEqual(newKept ? "TamperDetectionActivated" : "InvalidMessages", again.Read(again.LastSequence).Type);
                }
            }
        }

        [TestMethod]
        public void CriticalEventsRaisedOfflineAreDeliveredInOrderAfterAPowerCut()
        {
            _store = new MemoryFileStore();
            _log = new ListLog();
            long now = 1000;
            LoopbackWebSocket socket = new LoopbackWebSocket();
            OcppStation station = OnTargetStation.New(socket, _store, _log);
            station.Tick(now);
            station.SecurityEvents.Raise(SecurityEventTypes.TamperDetectionActivated, "lid", now);
            station.SecurityEvents.Raise(SecurityEventTypes.InvalidCsmsCertificate, "expired", now);

            // Power cut: a new station over the same flash, this time with the CSMS reachable.
            socket = new LoopbackWebSocket();
            socket.Server.AutoAccept = true;
            station = OnTargetStation.New(socket, _store, _log);
            string sent = Serve(socket, station, ref now, 40);
            // The first start's StartupOfTheDevice (sequence 1) was raised before the tamper event (2).
            Assert.AreEqual("StartupOfTheDevice,TamperDetectionActivated,StartupOfTheDevice,SettingSystemTime", sent);
            Assert.AreEqual(station.SecurityEvents.Log.LastSequence, station.SecurityEvents.Log.AcknowledgedSequence);
        }

        private static TlsSettings OneRoot()
        {
            return new TlsSettings("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", null, null);
        }

        private static TlsSettings NoRoot()
        {
            return new TlsSettings(null, null, null);
        }

        [TestMethod]
        public void AnHttpsTransferWithoutATrustedRootFailsAtOnceAndReachesNoServer()
        {
            SimHttpServer server = new SimHttpServer();
            SimHttpTransfer http = new SimHttpTransfer(server, 64);
            Assert.IsTrue(http.StartUpload("https://logs.test/up", "POST", "text/plain", 4));
            Assert.AreEqual((int)HttpTransferState.Failed, (int)http.State);
            Assert.AreEqual(TlsSettings.NoRootForHttps, http.Error);

            http.Reset();
            http.Trust = NoRoot;
            Assert.IsTrue(http.StartDownload("https://files.test/fw.bin", 0));
            Assert.AreEqual((int)HttpTransferState.Failed, (int)http.State);
            Assert.AreEqual(0, server.Requests);

            http.Reset();
            http.Trust = OneRoot;
            Assert.IsTrue(http.StartUpload("https://logs.test/up", "POST", "text/plain", 4));
            Assert.AreEqual(4, http.Write(new byte[] { 1, 2, 3, 4 }, 0, 4));
            Assert.AreEqual((int)HttpTransferState.Completed, (int)http.State);
            Assert.AreEqual(1, server.UploadCount);

            http.Reset();
            http.Trust = null;
            Assert.IsTrue(http.StartUpload("http://logs.test/up", "POST", "text/plain", 1));
            Assert.AreEqual(1, http.Write(new byte[] { 9 }, 0, 1));
            Assert.AreEqual(2, server.UploadCount);
        }

        [TestMethod]
        public void TheSecurityLogUploadsIntactThroughTheHttpTransfer()
        {
            _store = new MemoryFileStore();
            _log = new ListLog();
            long now = 1000;
            LoopbackWebSocket socket = new LoopbackWebSocket();
            socket.Server.AutoAccept = true;
            OcppStation station = OnTargetStation.New(socket, _store, _log);
            SimHttpServer server = new SimHttpServer();
            station.AttachLogUpload(new SimHttpTransfer(server, 64), null);
            Serve(socket, station, ref now, 20);
            station.SecurityEvents.Raise("VendorEvent", false, "ünïcode €", now);
            socket.Server.Send("[2,\"g1\",\"GetLog\",{\"logType\":\"SecurityLog\",\"requestId\":5,\"log\":{\"remoteLocation\":\"http://logs.test/x\"}}]");
            Serve(socket, station, ref now, 20);

            Assert.AreEqual(1, server.UploadCount);
            string body = Encoding.UTF8.GetString(server.UploadAt(0).Body, 0, server.UploadAt(0).Body.Length);
            SecurityLog log = station.SecurityEvents.Log;
            string expected = "";
            for (long s = log.FirstSequence; s <= log.LastSequence; s++)
            {
                expected += SecurityLog.FormatLine(log.Read(s)) + "\n";
            }

            int start = body.IndexOf("\r\n\r\n") + 4;
            int end = body.LastIndexOf("\r\n--");
            Assert.AreEqual(expected, body.Substring(start, end - start));
            Assert.IsTrue(body.IndexOf("filename=\"CS001-security-5.log\"") > 0);
            Assert.AreEqual("Uploaded", station.LogUploads.LastStatus);
        }

        /// <summary>Answers every CALL (BootNotification Accepted) for some ticks; returns the SecurityEventNotification types in order.</summary>
        private static string Serve(LoopbackWebSocket socket, OcppStation station, ref long now, int ticks)
        {
            string types = "";
            for (int i = 0; i < ticks; i++)
            {
                now += 100;
                station.Tick(now);
                string text;
                while ((text = socket.Server.TakeReceived()) != null)
                {
                    JsonValue frame = new JsonParser().Parse(text);
                    if (frame[0].AsInteger != 2)
                    {
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
                    else if (action == "SecurityEventNotification")
                    {
                        types += (types.Length == 0 ? "" : ",") + frame[3].GetString("type");
                    }

                    socket.Server.Send("[3,\"" + frame[1].Text + "\"," + answer + "]");
                }
            }

            return types;
        }
    }
}
