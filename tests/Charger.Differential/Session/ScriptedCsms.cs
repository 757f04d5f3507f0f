using System;
using System.Text;
using Charger.Hal.Sim.Network;
using Charger.Ocpp.Json;

namespace Charger.Differential.Session
{
    /// <summary>
    /// A scripted CSMS on the CSMS end of the loopback WebSocket, in the device subset: it answers the
    /// station's CALLs with fixed, valid OCPP 2.0.1 payloads, sends the CALLs the session script asks
    /// for, and writes every frame in both directions to the transcript. Its clock is the virtual clock,
    /// so its timestamps replay exactly on both runtimes.
    /// </summary>
    public sealed class ScriptedCsms
    {
        /// <summary>Wall-clock time at virtual 0 ms (as the simulator's built-in CSMS).</summary>
        public static readonly DateTime Epoch = new DateTime(2026, 3, 2, 8, 0, 0);

        private readonly ITranscript _transcript;
        private LoopbackServerEnd _server;
        private bool _networkUp = true;
        private int _nextCallId = 1;
        private int _framesIn;
        private int _framesOut;

        public ScriptedCsms(ITranscript transcript)
        {
            _transcript = transcript;
        }

        public int FramesFromStation
        {
            get { return _framesIn; }
        }

        public int FramesToStation
        {
            get { return _framesOut; }
        }

        /// <summary>Takes the CSMS end of a (new) station socket.</summary>
        public void Attach(LoopbackServerEnd server)
        {
            _server = server;
            _server.AutoAccept = _networkUp;
        }

        /// <summary>Cuts the link: the open connection drops and new ones are refused until <see cref="NetworkUp"/>.</summary>
        public void NetworkDown(long nowMs)
        {
            _networkUp = false;
            _server.AutoAccept = false;
            if (_server.IsOpen)
            {
                _server.Close(1006, "network down");
            }

            _transcript.Line(Stamp(nowMs) + " net down");
        }

        public void NetworkUp(long nowMs)
        {
            _networkUp = true;
            _server.AutoAccept = true;
            _transcript.Line(Stamp(nowMs) + " net up");
        }

        /// <summary>Answers pending connection requests and every frame the station sent.</summary>
        public void Pump(long nowMs)
        {
            if (_server == null)
            {
                return;
            }

            if (_server.HasPendingOpen)
            {
                if (_networkUp)
                {
                    _server.Accept();
                    _transcript.Line(Stamp(nowMs) + " net connected");
                }
                else
                {
                    _server.Refuse(1006, "network down");
                }
            }

            string frame;
            while ((frame = _server.TakeReceived()) != null)
            {
                _framesIn++;
                _transcript.Line(Stamp(nowMs) + " csms<- " + frame);
                Answer(frame, nowMs);
            }
        }

        /// <summary>Sends a CALL from the CSMS (the payload is JSON text).</summary>
        public void Call(long nowMs, string action, string payloadJson)
        {
            if (_server == null || !_server.IsOpen)
            {
                _transcript.Line(Stamp(nowMs) + " csms cannot send " + action + ": offline");
                return;
            }

            string id = "csms-" + _nextCallId.ToString();
            _nextCallId++;
            Send(nowMs, "[2,\"" + id + "\",\"" + action + "\"," + payloadJson + "]");
        }

        private void Answer(string frame, long nowMs)
        {
            // The station's frames are well-formed OCPP-J: [2,"id","Action",{...}] or [3,"id",{...}].
            if (frame.Length < 4 || frame[1] != '2')
            {
                return;
            }

            int idStart = frame.IndexOf('"');
            int idEnd = frame.IndexOf('"', idStart + 1);
            int actionStart = frame.IndexOf('"', idEnd + 1);
            int actionEnd = frame.IndexOf('"', actionStart + 1);
            if (idStart < 0 || idEnd < 0 || actionStart < 0 || actionEnd < 0)
            {
                return;
            }

            string id = frame.Substring(idStart + 1, idEnd - idStart - 1);
            string action = frame.Substring(actionStart + 1, actionEnd - actionStart - 1);
            string payload;
            switch (action)
            {
                case "BootNotification":
                    payload = "{\"currentTime\":\"" + Time(nowMs) + "\",\"interval\":300,\"status\":\"Accepted\"}";
                    break;
                case "Heartbeat":
                    payload = "{\"currentTime\":\"" + Time(nowMs) + "\"}";
                    break;
                case "Authorize":
                    payload = frame.IndexOf("BLOCKED") >= 0
                        ? "{\"idTokenInfo\":{\"status\":\"Blocked\"}}"
                        : "{\"idTokenInfo\":{\"status\":\"Accepted\"}}";
                    break;
                case "TransactionEvent":
                    payload = frame.IndexOf("\"idToken\"") >= 0 ? "{\"idTokenInfo\":{\"status\":\"Accepted\"}}" : "{}";
                    break;
                case "StatusNotification":
                case "NotifyEvent":
                case "NotifyReport":
                case "SecurityEventNotification":
                case "MeterValues":
                case "LogStatusNotification":
                case "FirmwareStatusNotification":
                    payload = "{}";
                    break;
                default:
                    Send(nowMs, "[4,\"" + id + "\",\"NotImplemented\",\"scripted CSMS does not handle " + action + "\",{}]");
                    return;
            }

            Send(nowMs, "[3,\"" + id + "\"," + payload + "]");
        }

        private void Send(long nowMs, string frame)
        {
            _framesOut++;
            _transcript.Line(Stamp(nowMs) + " csms-> " + frame);
            _server.Send(frame);
        }

        public static string Time(long nowMs)
        {
            return Rfc3339.Format(Epoch.AddMilliseconds(nowMs));
        }

        public static string Stamp(long nowMs)
        {
            StringBuilder sb = new StringBuilder(12);
            string ms = nowMs.ToString();
            for (int i = ms.Length; i < 8; i++)
            {
                sb.Append('0');
            }

            sb.Append(ms);
            return sb.ToString();
        }
    }
}
