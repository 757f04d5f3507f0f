using System;
using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Charger.Ocpp.Json;

namespace Charger.Benchmarks.Ocpp;

/// <summary>
/// Our device JSON codec beside System.Text.Json doing the same work: a TransactionEvent with
/// four sampled values and a SetVariables request, encoded and decoded. Time and bytes
/// allocated (MemoryDiagnoser); no assertions on timings.
/// </summary>
[MemoryDiagnoser]
public class OcppJsonBenchmarks
{
    private static readonly DateTime Timestamp = new(2026, 11, 21, 10, 15, 0, 250, DateTimeKind.Utc);
    private static readonly string[] Measurands = { "Energy.Active.Import.Register", "Power.Active.Import", "Current.Import", "Voltage" };
    private static readonly string[] Units = { "Wh", "W", "A", "V" };
    private static readonly double[] Values = { 12345.6, 7360.25, 32.01, 230.4 };

    private readonly JsonWriter _writer = new(16, 8192);
    private readonly JsonParser _parser = new(16, 16384);
    private readonly ArrayBufferWriter<byte> _buffer = new(2048);
    private string _transactionEventJson;
    private string _setVariablesJson;

    [GlobalSetup]
    public void Setup()
    {
        _transactionEventJson = EncodeTransactionEventOurs();
        _setVariablesJson = EncodeSetVariablesOurs();
    }

    [Benchmark(Description = "TransactionEvent encode: Charger.Ocpp.Json")]
    public string EncodeTransactionEventOurs()
    {
        var w = _writer;
        w.Reset();
        w.BeginObject();
        w.Property("eventType", "Updated");
        w.Name("timestamp");
        w.DateTimeUtc(Timestamp);
        w.Property("triggerReason", "MeterValuePeriodic");
        w.Property("seqNo", 7);
        w.Name("transactionInfo");
        w.BeginObject();
        w.Property("transactionId", "tx-0001-abcdef");
        w.Property("chargingState", "Charging");
        w.EndObject();
        w.Name("evse");
        w.BeginObject();
        w.Property("id", 1);
        w.Property("connectorId", 1);
        w.EndObject();
        w.Name("meterValue");
        w.BeginArray();
        w.BeginObject();
        w.Name("timestamp");
        w.DateTimeUtc(Timestamp);
        w.Name("sampledValue");
        w.BeginArray();
        for (int i = 0; i < 4; i++)
        {
            w.BeginObject();
            w.Name("value");
            w.Decimal(Values[i], 2);
            w.Property("measurand", Measurands[i]);
            w.Name("unitOfMeasure");
            w.BeginObject();
            w.Property("unit", Units[i]);
            w.EndObject();
            w.EndObject();
        }

        w.EndArray();
        w.EndObject();
        w.EndArray();
        w.EndObject();
        return w.ToString();
    }

    [Benchmark(Description = "TransactionEvent encode: System.Text.Json Utf8JsonWriter")]
    public string EncodeTransactionEventStj()
    {
        _buffer.Clear();
        using var w = new Utf8JsonWriter(_buffer);
        w.WriteStartObject();
        w.WriteString("eventType", "Updated");
        w.WriteString("timestamp", Timestamp);
        w.WriteString("triggerReason", "MeterValuePeriodic");
        w.WriteNumber("seqNo", 7);
        w.WriteStartObject("transactionInfo");
        w.WriteString("transactionId", "tx-0001-abcdef");
        w.WriteString("chargingState", "Charging");
        w.WriteEndObject();
        w.WriteStartObject("evse");
        w.WriteNumber("id", 1);
        w.WriteNumber("connectorId", 1);
        w.WriteEndObject();
        w.WriteStartArray("meterValue");
        w.WriteStartObject();
        w.WriteString("timestamp", Timestamp);
        w.WriteStartArray("sampledValue");
        for (int i = 0; i < 4; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("value", Math.Round(Values[i], 2));
            w.WriteString("measurand", Measurands[i]);
            w.WriteStartObject("unitOfMeasure");
            w.WriteString("unit", Units[i]);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        return System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    [Benchmark(Description = "TransactionEvent decode: Charger.Ocpp.Json")]
    public double DecodeTransactionEventOurs()
    {
        JsonValue root = _parser.Parse(_transactionEventJson);
        JsonValue sampled = root.Get("meterValue")[0].Get("sampledValue");
        double sum = 0;
        for (int i = 0; i < sampled.Count; i++)
        {
            sum += sampled[i].Get("value").AsDouble;
        }

        return sum;
    }

    [Benchmark(Description = "TransactionEvent decode: System.Text.Json JsonDocument")]
    public double DecodeTransactionEventStj()
    {
        using var doc = JsonDocument.Parse(_transactionEventJson);
        double sum = 0;
        foreach (var v in doc.RootElement.GetProperty("meterValue")[0].GetProperty("sampledValue").EnumerateArray())
        {
            sum += v.GetProperty("value").GetDouble();
        }

        return sum;
    }

    [Benchmark(Description = "SetVariables encode: Charger.Ocpp.Json")]
    public string EncodeSetVariablesOurs()
    {
        var w = _writer;
        w.Reset();
        w.BeginObject();
        w.Name("setVariableData");
        w.BeginArray();
        for (int i = 0; i < 4; i++)
        {
            w.BeginObject();
            w.Property("attributeType", "Actual");
            w.Property("attributeValue", i == 0 ? "120" : "Energy.Active.Import.Register,Power.Active.Import");
            w.Name("component");
            w.BeginObject();
            w.Property("name", i == 0 ? "OCPPCommCtrlr" : "SampledDataCtrlr");
            w.EndObject();
            w.Name("variable");
            w.BeginObject();
            w.Property("name", i == 0 ? "HeartbeatInterval" : "TxUpdatedMeasurands");
            w.EndObject();
            w.EndObject();
        }

        w.EndArray();
        w.EndObject();
        return w.ToString();
    }

    [Benchmark(Description = "SetVariables encode: System.Text.Json Utf8JsonWriter")]
    public string EncodeSetVariablesStj()
    {
        _buffer.Clear();
        using var w = new Utf8JsonWriter(_buffer);
        w.WriteStartObject();
        w.WriteStartArray("setVariableData");
        for (int i = 0; i < 4; i++)
        {
            w.WriteStartObject();
            w.WriteString("attributeType", "Actual");
            w.WriteString("attributeValue", i == 0 ? "120" : "Energy.Active.Import.Register,Power.Active.Import");
            w.WriteStartObject("component");
            w.WriteString("name", i == 0 ? "OCPPCommCtrlr" : "SampledDataCtrlr");
            w.WriteEndObject();
            w.WriteStartObject("variable");
            w.WriteString("name", i == 0 ? "HeartbeatInterval" : "TxUpdatedMeasurands");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        return System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    [Benchmark(Description = "SetVariables decode: Charger.Ocpp.Json")]
    public int DecodeSetVariablesOurs()
    {
        JsonValue items = _parser.Parse(_setVariablesJson).Get("setVariableData");
        int length = 0;
        for (int i = 0; i < items.Count; i++)
        {
            length += items[i].GetString("attributeValue").Length + items[i].Get("variable").GetString("name").Length;
        }

        return length;
    }

    [Benchmark(Description = "SetVariables decode: System.Text.Json JsonDocument")]
    public int DecodeSetVariablesStj()
    {
        using var doc = JsonDocument.Parse(_setVariablesJson);
        int length = 0;
        foreach (var item in doc.RootElement.GetProperty("setVariableData").EnumerateArray())
        {
            length += item.GetProperty("attributeValue").GetString().Length + item.GetProperty("variable").GetProperty("name").GetString().Length;
        }

        return length;
    }
}
