using System;
using System.Text;
using System.Text.Json;
using Charger.Ocpp.Json;
using JsonException = Charger.Ocpp.Json.JsonException;
using JsonTokenType = Charger.Ocpp.Json.JsonTokenType;
using StjKind = System.Text.Json.JsonValueKind;

namespace Charger.Ocpp.Tests.Json;

public class JsonReaderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[01]")]
    [InlineData("[1.]")]
    [InlineData("[.5]")]
    [InlineData("[1e]")]
    [InlineData("[-]")]
    [InlineData("[+1]")]
    [InlineData("[\"unterminated]")]
    [InlineData("[\"bad escape \\x\"]")]
    [InlineData("[\"short \\u12\"]")]
    [InlineData("[\"lone high \\ud800\"]")]
    [InlineData("[\"lone low \\udc00\"]")]
    [InlineData("[\"raw\ncontrol\"]")]
    [InlineData("{a:1}")]
    [InlineData("{'a':1}")]
    [InlineData("[tru]")]
    [InlineData("[nul]")]
    [InlineData("[1] [2]")]
    [InlineData("[1}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("[NaN]")]
    [InlineData("{\"a\":1,\"a\":2}")]
    public void MalformedInputIsRefusedLikeTheOracle(string text)
    {
        Assert.Throws<JsonException>(() => new JsonParser().Parse(text));

        // The oracle agrees on every case except the duplicate name (RFC 8259 leaves it open) and
        // lone surrogate escapes, which System.Text.Json only refuses when the string is read.
        if (!text.Contains("\"a\":1,\"a\"") && !text.Contains("lone"))
        {
            Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonDocument.Parse(text));
        }
    }

    [Fact]
    public void DepthBoundIsEnforcedWithoutRecursion()
    {
        string deep = new string('[', 100000) + new string(']', 100000);
        var ex = Assert.Throws<JsonLimitException>(() => new JsonParser(16, 1_000_000).Parse(deep));
        Assert.Equal(16, ex.Position);
        Assert.NotNull(new JsonParser(16, 1000).Parse(new string('[', 16) + new string(']', 16)));
    }

    [Fact]
    public void LengthBoundIsCheckedBeforeParsing()
    {
        Assert.Throws<JsonLimitException>(() => new JsonParser(8, 10).Parse("[\"0123456789\"]"));
    }

    [Theory]
    [InlineData("\"\\u00e9\\u20ac\\ud83d\\ude00\\/\\\"\"", "é€😀/\"")]
    [InlineData("\"a\\\\b\\nc\"", "a\\b\nc")]
    public void EscapesAreDecoded(string json, string expected)
    {
        Assert.Equal(expected, new JsonParser().Parse(json).Text);
    }

    [Fact]
    public void PullReaderReportsTokensInOrder()
    {
        var r = new JsonReader();
        r.Start(" {\"a\" : [1, -2.5e3, true, false, null, \"s\"], \"b\": {}} ");
        var tokens = new StringBuilder();
        while (r.Read() != JsonTokenType.EndOfInput)
        {
            tokens.Append(r.TokenType).Append(r.Value == null ? "" : "=" + r.Value).Append(' ');
        }

        Assert.Equal("StartObject PropertyName=a StartArray Number=1 Number=-2.5e3 True False Null String=s EndArray PropertyName=b StartObject EndObject EndObject ", tokens.ToString());
    }

    [Fact]
    public void RandomDocumentsRoundTripAndAgreeWithSystemTextJson()
    {
        var random = new Random(42);
        for (int i = 0; i < 2000; i++)
        {
            string json = RandomJson(random, 0);
            JsonValue parsed = new JsonParser().Parse(json);
            var w = new JsonWriter();
            parsed.WriteTo(w);
            string rewritten = w.ToString();

            using var original = JsonDocument.Parse(json);
            using var again = JsonDocument.Parse(rewritten);
            Assert.True(JsonElement.DeepEquals(original.RootElement, again.RootElement), json + " became " + rewritten);
            AssertSame(original.RootElement, parsed);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    [InlineData("0.1")]
    [InlineData("123456.789")]
    [InlineData("1e-7")]
    [InlineData("2.5E+3")]
    [InlineData("-9007199254740993")]
    [InlineData("3.141592653589793")]
    public void NumbersParseToTheSameDoubleAsTheOracle(string text)
    {
        Assert.Equal(JsonDocument.Parse(text).RootElement.GetDouble(), JsonNumber.ParseDouble(text));
    }

    [Fact]
    public void IntegersOutsideLongAreNotTakenAsIntegers()
    {
        Assert.False(JsonNumber.TryParseInteger("9223372036854775808", out _));
        Assert.True(JsonNumber.TryParseInteger("-9223372036854775808", out long min));
        Assert.Equal(long.MinValue, min);
        Assert.True(JsonNumber.IsIntegral("5.0"));
        Assert.False(JsonNumber.IsIntegral("5.5"));
    }

    [Theory]
    [InlineData("2026-11-21T07:05:09Z", "2026-11-21T07:05:09.000Z")]
    [InlineData("2026-11-21T07:05:09.123456Z", "2026-11-21T07:05:09.123Z")]
    [InlineData("2026-11-21T07:05:09.5+02:00", "2026-11-21T05:05:09.500Z")]
    [InlineData("2026-12-31T23:30:00-01:00", "2027-01-01T00:30:00.000Z")]
    public void Rfc3339DatesAreReadIntoUtc(string text, string expectedUtc)
    {
        Assert.True(Rfc3339.TryParse(text, out DateTime utc));
        Assert.Equal(expectedUtc, Rfc3339.Format(utc));
    }

    [Theory]
    [InlineData("2026-11-21 07:05:09Z")]
    [InlineData("2026-11-21T07:05:09")]
    [InlineData("2026-02-30T07:05:09Z")]
    [InlineData("2026-11-21T25:05:09Z")]
    [InlineData("2026-11-21T07:05:09.Z")]
    [InlineData("2026-11-21T07:05:09+0200")]
    public void InvalidDatesAreRefused(string text)
    {
        Assert.False(Rfc3339.TryParse(text, out _));
    }

    private static void AssertSame(JsonElement expected, JsonValue actual)
    {
        switch (expected.ValueKind)
        {
            case StjKind.Object:
                Assert.Equal(Charger.Ocpp.Json.JsonValueKind.Object, actual.Kind);
                int count = 0;
                foreach (var p in expected.EnumerateObject())
                {
                    AssertSame(p.Value, actual.Get(p.Name));
                    count++;
                }

                Assert.Equal(count, actual.Count);
                break;
            case StjKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.Count);
                for (int i = 0; i < actual.Count; i++)
                {
                    AssertSame(expected[i], actual[i]);
                }

                break;
            case StjKind.String:
                Assert.Equal(expected.GetString(), actual.Text);
                break;
            case StjKind.Number:
                // Exact up to 15 significant digits (NumbersParseToTheSameDoubleAsTheOracle);
                // 17-digit round-trip text may differ in the last bit, which OCPP decimals never carry.
                double e = expected.GetDouble();
                Assert.True(Math.Abs(e - actual.AsDouble) <= Math.Abs(e) * 1e-15, e + " vs " + actual.AsDouble);
                break;
            case StjKind.True:
                Assert.True(actual.AsBoolean);
                break;
            case StjKind.False:
                Assert.Equal(Charger.Ocpp.Json.JsonValueKind.False, actual.Kind);
                break;
            default:
                Assert.Equal(Charger.Ocpp.Json.JsonValueKind.Null, actual.Kind);
                break;
        }
    }

    private static string RandomJson(Random r, int depth)
    {
        int pick = depth > 4 ? r.Next(4) : r.Next(6);
        switch (pick)
        {
            case 0:
                return System.Text.Json.JsonSerializer.Serialize(RandomString(r));
            case 1:
                return r.Next(3) == 0 ? r.Next(-1000, 1000).ToString() : (r.NextDouble() * 1e6 - 5e5).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            case 2:
                return r.Next(3) switch { 0 => "true", 1 => "false", _ => "null" };
            case 3:
                return " " + System.Text.Json.JsonSerializer.Serialize(RandomString(r)) + " ";
            case 4:
            {
                var sb = new StringBuilder("[");
                int n = r.Next(5);
                for (int i = 0; i < n; i++)
                {
                    sb.Append(i == 0 ? "" : ",").Append(RandomJson(r, depth + 1));
                }

                return sb.Append(']').ToString();
            }
            default:
            {
                var sb = new StringBuilder("{");
                int n = r.Next(5);
                for (int i = 0; i < n; i++)
                {
                    sb.Append(i == 0 ? "" : ",").Append(System.Text.Json.JsonSerializer.Serialize("k" + i + RandomString(r))).Append(':').Append(RandomJson(r, depth + 1));
                }

                return sb.Append('}').ToString();
            }
        }
    }

    private static string RandomString(Random r)
    {
        var sb = new StringBuilder();
        int n = r.Next(12);
        for (int i = 0; i < n; i++)
        {
            int kind = r.Next(10);
            sb.Append(kind switch
            {
                0 => (char)r.Next(0, 32),
                1 => '"',
                2 => '\\',
                3 => (char)r.Next(0x80, 0x7FF),
                4 => "😀"[0],
                _ => (char)r.Next(32, 127),
            });
            if (kind == 4)
            {
                sb.Append("😀"[1]);
            }
        }

        return sb.ToString();
    }
}
