using System;
using System.Text.Json.Nodes;

namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// A CALL the CSMS sends to a station, and what became of it. The CSMS keeps one outstanding
    /// CALL per station (OCPP-J 2.0.1 Part 4, 4.1.1: a sender waits for the answer before the next).
    /// </summary>
    public sealed class CsmsCall
    {
        internal CsmsCall(string stationId, string messageId, CsmsRequest request, long queuedAtMs,
            Action<CsmsCall> onFinished)
        {
            StationId = stationId;
            MessageId = messageId;
            Request = request;
            QueuedAtMs = queuedAtMs;
            SentAtMs = -1;
            FinishedAtMs = -1;
            OnFinished = onFinished;
        }

        public string StationId { get; }

        public string MessageId { get; }

        public CsmsRequest Request { get; }

        public string Action
        {
            get { return Request.Action; }
        }

        public CsmsCallState State { get; internal set; }

        public long QueuedAtMs { get; }

        /// <summary>-1 while queued.</summary>
        public long SentAtMs { get; internal set; }

        /// <summary>-1 until a result, an error, a timeout or a lost connection ends the call.</summary>
        public long FinishedAtMs { get; internal set; }

        /// <summary>The CALLRESULT payload; null unless <see cref="CsmsCallState.Completed"/>.</summary>
        public JsonObject Result { get; internal set; }

        /// <summary>The CALLERROR code, or a description of the timeout / lost connection.</summary>
        public string ErrorCode { get; internal set; }

        public string ErrorDescription { get; internal set; }

        public bool IsFinished
        {
            get { return State != CsmsCallState.Queued && State != CsmsCallState.Sent; }
        }

        /// <summary>The "status" field of the result (Accepted, Rejected, ...), or null.</summary>
        public string ResultStatus
        {
            get
            {
                JsonNode status = Result == null ? null : Result["status"];
                return status == null ? null : status.ToString();
            }
        }

        internal Action<CsmsCall> OnFinished { get; }

        /// <summary>"at 1234 ms" (when queued) for reports.</summary>
        public string TimeText()
        {
            return "at " + QueuedAtMs + " ms";
        }

        public override string ToString()
        {
            string outcome = State == CsmsCallState.Completed ? Result.ToJsonString()
                : State == CsmsCallState.Failed || State == CsmsCallState.TimedOut || State == CsmsCallState.ConnectionLost
                    ? ErrorCode + " " + ErrorDescription
                    : string.Empty;
            return StationId + " " + Action + " [" + MessageId + "] " + State + " " + outcome;
        }
    }
}
