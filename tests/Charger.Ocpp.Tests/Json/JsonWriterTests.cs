using System;
using System.Text.Json;
using Charger.Ocpp.Json;
using JsonException = Charger.Ocpp.Json.JsonException;

namespace Charger.Ocpp.Tests.Json;

public class JsonWriterTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote\"back\\slash", "\"quote\\\"back\\\\slash\"")]
    [InlineData("tab\tnew\nret\rbs\bff\f", "\"tab\\tnew\\nret\\rbs\\bff\\f\"")]
    [InlineData("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [InlineData("ünïcødé €", "\"ünïcødé €\"")]
    public void StringsAreEscapedPerRfc8259(string value, string expected)
    {
        var w = new JsonWriter();
        w.String(value);
        Assert.Equal(expected, w.ToString());
        Assert.Equal(value, JsonDocument.Parse(w.ToString()).RootElement.GetString());
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-1L, "-1")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    public void IntegersAreWrittenExactly(long value, string expected)
    {
        var w = new JsonWriter();
        w.Integer(value);
        Assert.Equal(expected, w.ToString());
    }

    [Theory]
    [InlineData(230.0, 3, "230")]
    [InlineData(12.5, 3, "12.5")]
    [InlineData(-0.001, 3, "-0.001")]
    [InlineData(-0.0004, 3, "0")]
    [InlineData(0.1 + 0.2, 6, "0.3")]
    [InlineData(1234.5678, 2, "1234.57")]
    [InlineData(1e15, 3, "1000000000000000")]
    [InlineData(7.05, 1, "7.1")]
    public void DecimalsAreFormattedExplicitlyWithoutExponent(double value, int digits, string expected)
    {
        var w = new JsonWriter();
        w.Decimal(value, digits);
        Assert.Equal(expected, w.ToString());
    }

    [Fact]
    public void NaNAndInfinityAreRefused()
    {
        Assert.Throws<JsonException>(() => new JsonWriter().Decimal(double.NaN, 2));
        Assert.Throws<JsonException>(() => new JsonWriter().Decimal(double.PositiveInfinity, 2));
    }

    [Fact]
    public void DatesAreRfc3339UtcWithMilliseconds()
    {
        var w = new JsonWriter();
        w.DateTimeUtc(new DateTime(2026, 11, 21, 7, 5, 9, 42));
        Assert.Equal("\"2026-11-21T07:05:09.042Z\"", w.ToString());
    }

    [Fact]
    public void NestedStructureMatchesSystemTextJsonReading()
    {
        var w = new JsonWriter();
        w.BeginObject();
        w.Property("a", 1);
        w.Name("b");
        w.BeginArray();
        w.String("x");
        w.Boolean(true);
        w.Null();
        w.BeginObject();
        w.EndObject();
        w.EndArray();
        w.OptionalProperty("absent", null);
        w.Property("c", "d");
        w.EndObject();
        Assert.Equal("{\"a\":1,\"b\":[\"x\",true,null,{}],\"c\":\"d\"}", w.ToString());
        using var doc = JsonDocument.Parse(w.ToString());
        Assert.Equal(4, doc.RootElement.GetProperty("b").GetArrayLength());
        Assert.False(doc.RootElement.TryGetProperty("absent", out _));
    }

    [Fact]
    public void DepthBoundIsEnforced()
    {
        var w = new JsonWriter(3, 1000);
        w.BeginArray();
        w.BeginArray();
        w.BeginArray();
        Assert.Throws<JsonLimitException>(() => w.BeginArray());
    }

    [Fact]
    public void LengthBoundIsEnforced()
    {
        var w = new JsonWriter(8, 10);
        w.BeginArray();
        Assert.Throws<JsonLimitException>(() => w.String("this is longer than ten"));
    }

    [Fact]
    public void MisuseIsRefused()
    {
        var w = new JsonWriter();
        w.BeginObject();
        Assert.Throws<InvalidOperationException>(() => w.String("value without name"));
        var a = new JsonWriter();
        a.BeginArray();
        Assert.Throws<InvalidOperationException>(() => a.EndObject());
        var top = new JsonWriter();
        top.Integer(1);
        Assert.Throws<InvalidOperationException>(() => top.Integer(2));
    }

    [Fact]
    public void RandomDecimalsReadBackWithinHalfAUnitOfTheLastDigit()
    {
        var random = new Random(1234);
        for (int i = 0; i < 5000; i++)
        {
            double value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 12));
            int digits = random.Next(0, 7);
            var w = new JsonWriter();
            w.Decimal(value, digits);
            string text = w.ToString();
            Assert.DoesNotContain("E", text, StringComparison.OrdinalIgnoreCase);
            double back = JsonDocument.Parse(text).RootElement.GetDouble();
            double tolerance = 0.5 * Math.Pow(10, -digits) * (1 + 1e-9) + Math.Abs(value) * 1e-15;
            Assert.True(Math.Abs(back - value) <= tolerance, $"{value} with {digits} digits wrote {text}");
        }
    }
}
