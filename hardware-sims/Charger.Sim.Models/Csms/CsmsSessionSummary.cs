using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Charger.Sim.Models.Csms
{
    /// <summary>The CSMS's part of the simulator's final report: stations, transactions, energy, messages.</summary>
    public static class CsmsSessionSummary
    {
        public static string Build(BuiltInCsms csms)
        {
            var text = new StringBuilder();
            text.AppendLine("CSMS session summary");
            foreach (StationRecord station in csms.Stations.OrderBy(s => s.StationId, System.StringComparer.Ordinal))
            {
                text.Append("  station ").Append(station.StationId)
                    .Append(": registration ").Append(station.RegistrationStatus ?? "none")
                    .Append(", boots ").Append(station.BootCount)
                    .Append(", connections ").Append(station.ConnectCount)
                    .Append(", heartbeats ").Append(station.HeartbeatCount);
                if (station.RequestsBeforeAccepted > 0)
                {
                    text.Append(", requests before Accepted ").Append(station.RequestsBeforeAccepted);
                }

                if (station.ProtocolAnomalies.Count > 0)
                {
                    text.Append(", protocol anomalies ").Append(station.ProtocolAnomalies.Count);
                }

                text.AppendLine();
            }

            IReadOnlyList<TransactionRecord> transactions = csms.Transactions;
            text.Append("  transactions: ").Append(transactions.Count)
                .Append(" (ended ").Append(transactions.Count(t => t.Ended))
                .Append(", seqNo gaps ").Append(transactions.Sum(t => t.MissingSeqNos.Count))
                .Append(", duplicates ").Append(transactions.Sum(t => t.DuplicateSeqNos.Count))
                .AppendLine(")");
            foreach (TransactionRecord t in transactions)
            {
                text.Append("    ").Append(t.StationId).Append(' ').Append(t.TransactionId)
                    .Append(": Started ").Append(t.StartedCount)
                    .Append(", Updated ").Append(t.UpdatedCount)
                    .Append(", Ended ").Append(t.EndedCount);
                if (t.OfflineEventCount > 0)
                {
                    text.Append(", offline ").Append(t.OfflineEventCount);
                }

                text.Append("; energy ").Append(StationRequestHandler.FormatWh(t.EnergyDeliveredWh)).Append(" Wh");
                if (!t.EnergyNeverDecreases)
                {
                    text.Append(" (REGISTER WENT BACKWARDS)");
                }

                if (t.IdToken != null)
                {
                    text.Append("; idToken ").Append(t.IdToken);
                }

                if (t.StoppedReason != null)
                {
                    text.Append("; stopped ").Append(t.StoppedReason);
                }

                if (t.HasSeqNoGap)
                {
                    text.Append("; MISSING seqNo ").Append(string.Join(",", t.MissingSeqNos));
                }

                if (t.HasDuplicate)
                {
                    text.Append("; DUPLICATE seqNo ").Append(string.Join(",", t.DuplicateSeqNos));
                }

                text.AppendLine();
            }

            AppendCounts(text, "  messages in (station -> CSMS): ", csms.ReceivedCallsByAction);
            AppendCounts(text, "  messages out (CSMS -> station): ", csms.SentCallsByAction);
            IReadOnlyList<CsmsCall> calls = csms.Calls;
            if (calls.Count > 0)
            {
                text.AppendLine("  CSMS calls:");
                foreach (CsmsCall call in calls)
                {
                    text.Append("    ").Append(call.TimeText()).Append(' ').Append(call.StationId).Append(' ').Append(call.Action)
                        .Append(": ").Append(call.State);
                    if (call.State == CsmsCallState.Completed && call.ResultStatus != null)
                    {
                        text.Append(' ').Append(call.ResultStatus);
                    }
                    else if (call.ErrorCode != null)
                    {
                        text.Append(' ').Append(call.ErrorCode);
                    }

                    text.AppendLine();
                }
            }

            if (csms.DroppedLogEntries > 0)
            {
                text.Append("  frame log full: ").Append(csms.DroppedLogEntries.ToString(CultureInfo.InvariantCulture))
                    .AppendLine(" frames not kept");
            }

            return text.ToString();
        }

        private static void AppendCounts(StringBuilder text, string title, IReadOnlyDictionary<string, int> counts)
        {
            text.Append(title);
            if (counts.Count == 0)
            {
                text.AppendLine("none");
                return;
            }

            text.Append(counts.Values.Sum()).Append(" CALLs: ");
            text.AppendLine(string.Join(", ", counts.Select(pair => pair.Key + " " + pair.Value)));
        }
    }
}
