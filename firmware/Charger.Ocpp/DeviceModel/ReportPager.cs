using Charger.Hal;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;

namespace Charger.Ocpp.DeviceModel
{
    /// <summary>
    /// Sends a base report as NotifyReport pages (B07): seqNo from 0, tbc true on every page but
    /// the last, each page within ItemsPerMessageGetReport items and BytesPerMessageGetReport
    /// characters. One page is queued at a time; the next is built when the previous one is
    /// answered, so a large report never fills the outgoing queue. A page is built a few items per
    /// OCPP tick (<see cref="ItemsPerTick"/>), not in one go: a 6 KB page built at once took 5.7 ms
    /// of one tick on nanoCLR, ahead of the next safety tick (issue 11).
    /// </summary>
    public sealed class ReportPager : ICallResultHandler
    {
        private const string Component = "ocpp.report";

        /// <summary>Room left in a page for the envelope (requestId, generatedAt, seqNo, tbc).</summary>
        private const int EnvelopeChars = 160;

        private readonly StationDeviceModel _model;
        private readonly CoreVariables _vars;
        private readonly RpcEndpoint _rpc;
        private readonly StationClock _clock;
        private readonly ILog _log;
        /// <summary>Report items added to the page under construction per OCPP tick.</summary>
        public const int ItemsPerTick = 8;

        private readonly JsonWriter _itemWriter = new JsonWriter(8, 8192);
        private JsonWriter _page;
        private bool _active;
        private bool _building;
        private int _pageItems;
        private int _pageChars;
        private int _maxItems;
        private int _maxChars;
        private int _requestId;
        private ReportBase _base;
        private int _index;
        private int _seqNo;
        private long _nowMs;
        private int _pagesSent;

        public ReportPager(StationDeviceModel model, CoreVariables vars, RpcEndpoint rpc, StationClock clock, ILog log)
        {
            _model = model;
            _vars = vars;
            _rpc = rpc;
            _clock = clock;
            _log = log;
        }

        public bool IsActive
        {
            get { return _active; }
        }

        public int PagesSent
        {
            get { return _pagesSent; }
        }

        /// <summary>Whether a report of this base would contain anything (EmptyResultSet otherwise).</summary>
        public bool HasItems(ReportBase reportBase)
        {
            for (int i = 0; i < _model.Count; i++)
            {
                if (Includes(_model.At(i), reportBase))
                {
                    return true;
                }
            }

            return false;
        }

        public void Start(int requestId, ReportBase reportBase, long nowMs)
        {
            _active = true;
            _requestId = requestId;
            _base = reportBase;
            _index = 0;
            _seqNo = 0;
            _nowMs = nowMs;
            QueueNextPage();
        }

        public void OnCallResult(OutgoingCall call, JsonValue payload)
        {
            QueueNextPage();
        }

        public void OnCallFailed(OutgoingCall call, string errorCode, string description)
        {
            // The report is best effort: a lost page is logged and the rest still follow.
            _log.Write(LogLevel.Warning, Component, "NotifyReport page " + call.Context + " of request " + _requestId + " failed: " + errorCode);
            QueueNextPage();
        }

        /// <summary>Time the next page is stamped with; the station updates it every tick while a report runs.</summary>
        public void Tick(long nowMs)
        {
            _nowMs = nowMs;
            if (_building)
            {
                BuildSome();
            }
        }

        private void QueueNextPage()
        {
            if (!_active)
            {
                return;
            }

            if (SkipToNext() < 0)
            {
                _active = false;
                return;
            }

            _maxItems = (int)_vars.ItemsPerMessageGetReport.IntValue;
            _maxChars = (int)_vars.BytesPerMessageGetReport.IntValue - EnvelopeChars;
            // A writer per page, dropped once the page is sent: keeping one would hold its grown buffer.
            _page = new JsonWriter(10, 65536);
            _page.BeginObject();
            _page.Property("requestId", _requestId);
            _page.Name("generatedAt");
            _page.DateTimeUtc(_clock.UtcAt(_nowMs));
            _page.Property("seqNo", _seqNo);
            _page.Name("reportData");
            _page.BeginArray();
            _pageItems = 0;
            _pageChars = 0;
            _building = true;
            BuildSome();
        }

        /// <summary>Adds up to <see cref="ItemsPerTick"/> items to the page; sends it when it is full or the report ends.</summary>
        private void BuildSome()
        {
            int added = 0;
            while (_pageItems < _maxItems)
            {
                int next = SkipToNext();
                if (next < 0)
                {
                    break;
                }

                if (added == ItemsPerTick)
                {
                    return;
                }

                _itemWriter.Reset();
                WriteItem(_itemWriter, _model.At(next));
                string item = _itemWriter.ToString();

                // Always at least one item per page, even one that alone exceeds the budget.
                if (_pageItems > 0 && _pageChars + item.Length + 1 > _maxChars)
                {
                    break;
                }

                _page.Raw(item);
                _pageChars += item.Length + 1;
                _pageItems++;
                added++;
                _index = next + 1;
            }

            _building = false;
            _page.EndArray();
            bool more = SkipToNext() >= 0;
            _page.Property("tbc", more);
            _page.EndObject();

            int seqNo = _seqNo;
            _seqNo++;
            _pagesSent++;
            if (!more)
            {
                _active = false;
            }

            string payload = _page.ToString();
            _page = null;
            if (!_rpc.Call("NotifyReport", payload, DeviceModelSchemas.NotifyReportResponse(), more ? this : null, seqNo, SendPermission.AllowedWhilePending))
            {
                _log.Write(LogLevel.Error, Component, "NotifyReport for request " + _requestId + " abandoned: outgoing queue full");
                _active = false;
            }
        }

        private int SkipToNext()
        {
            for (int i = _index; i < _model.Count; i++)
            {
                if (Includes(_model.At(i), _base))
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool Includes(Variable variable, ReportBase reportBase)
        {
            switch (reportBase)
            {
                case ReportBase.ConfigurationInventory:
                    for (int a = 0; a < 4; a++)
                    {
                        AttributeType type = (AttributeType)a;
                        if (variable.HasAttribute(type) && variable.GetMutability(type) != Mutability.ReadOnly)
                        {
                            return true;
                        }
                    }

                    return false;
                case ReportBase.SummaryInventory:
                    return variable.InSummary;
                default:
                    return true;
            }
        }

        private void WriteItem(JsonWriter w, Variable v)
        {
            int maxValueLength = (int)_vars.ReportingValueSize.IntValue;
            w.BeginObject();
            w.Name("component");
            w.BeginObject();
            w.Property("name", v.ComponentName);
            w.OptionalProperty("instance", v.ComponentInstance);
            if (v.EvseId > 0)
            {
                w.Name("evse");
                w.BeginObject();
                w.Property("id", v.EvseId);
                if (v.ConnectorId > 0)
                {
                    w.Property("connectorId", v.ConnectorId);
                }

                w.EndObject();
            }

            w.EndObject();
            w.Name("variable");
            w.BeginObject();
            w.Property("name", v.Name);
            w.OptionalProperty("instance", v.Instance);
            w.EndObject();
            w.Name("variableAttribute");
            w.BeginArray();
            for (int a = 0; a < 4; a++)
            {
                AttributeType type = (AttributeType)a;
                if (!v.HasAttribute(type))
                {
                    continue;
                }

                Mutability mutability = v.GetMutability(type);
                w.BeginObject();
                w.Property("type", DeviceModelNames.AttributeName(type));

                // The schema lets value be omitted only for WriteOnly; secrets never leave the station.
                string value = v.GetValue(type);
                if (mutability != Mutability.WriteOnly && !v.Hashed)
                {
                    if (value == null)
                    {
                        value = "";
                    }

                    w.Property("value", value.Length > maxValueLength ? value.Substring(0, maxValueLength) : value);
                }

                w.Property("mutability", DeviceModelNames.MutabilityName(mutability));
                w.Property("persistent", v.Persistent);
                w.Property("constant", v.Constant);
                w.EndObject();
            }

            w.EndArray();
            w.Name("variableCharacteristics");
            w.BeginObject();
            w.OptionalProperty("unit", v.Unit);
            w.Property("dataType", DeviceModelNames.DataTypeName(v.DataType));
            if (v.HasMinLimit)
            {
                w.Name("minLimit");
                w.Decimal(v.MinLimit, 3);
            }

            if (v.HasMaxLimit)
            {
                w.Name("maxLimit");
                w.Decimal(v.MaxLimit, 3);
            }

            w.OptionalProperty("valuesList", v.ValuesList);
            w.Property("supportsMonitoring", false);
            w.EndObject();
            w.EndObject();
        }
    }
}
