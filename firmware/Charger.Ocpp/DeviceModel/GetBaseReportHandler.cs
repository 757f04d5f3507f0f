using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.DeviceModel
{
    /// <summary>GetBaseReport (OCPP 2.0.1 use case B07): answers, then the report follows as NotifyReport pages.</summary>
    public sealed class GetBaseReportHandler : IIncomingCallHandler
    {
        private readonly ReportPager _pager;

        public GetBaseReportHandler(ReportPager pager)
        {
            _pager = pager;
        }

        public void Handle(IncomingCall call)
        {
            int requestId = (int)call.Payload.GetInteger("requestId", 0);
            string baseName = call.Payload.GetString("reportBase");
            ReportBase reportBase = baseName == "ConfigurationInventory" ? ReportBase.ConfigurationInventory
                : baseName == "SummaryInventory" ? ReportBase.SummaryInventory : ReportBase.FullInventory;

            string status;
            if (_pager.IsActive)
            {
                // One report at a time: the pager holds the position of the running one.
                status = "Rejected";
            }
            else if (!_pager.HasItems(reportBase))
            {
                status = "EmptyResultSet";
            }
            else
            {
                status = "Accepted";
            }

            JsonWriter w = call.Response;
            w.BeginObject();
            w.Property("status", status);
            w.EndObject();

            // B07.FR.02: the report is sent after the response (the queue sends it after this answer).
            if (status == "Accepted")
            {
                _pager.Start(requestId, reportBase, call.NowMs);
            }
        }
    }
}
