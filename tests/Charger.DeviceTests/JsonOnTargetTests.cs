using System;
using System.Text;
using Charger.Ocpp.Json;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// The OCPP JSON reader and writer on the board's CLR: RFC 8259 grammar, escapes, bounds, and the
    /// number and date text that must be byte-identical to the desktop's (the device's own double
    /// formatting is never used). Mirrors tests/Charger.Ocpp.Tests/Json (JsonReaderTests, JsonWriterTests).
    /// </summary>
    [TestClass]
    public class JsonOnTargetTests
    {
        private static string Decimal(double value, int digits)
        {
            JsonWriter w = new JsonWriter();
            w.Decimal(value, digits);
            return w.ToString();
        }

        private static bool Refused(string text)
        {
            try
            {
                new JsonParser().Parse(text);
                return false;
            }
            catch (JsonException)
            {
                return true;
            }
        }

        [TestMethod]
        public void MalformedInputIsRefusedWithAJsonException()
        {
            string[] bad =
            {
                "", "   ", "{", "[1,]", "{\"a\":1,}", "[01]", "[1.]", "[.5]", "[1e]", "[-]", "[+1]", "[\"unterminated]",
                "[\"bad escape \\x\"]", "[\"short \\u12\"]", "[\"lone high \\ud800\"]", "[\"lone low \\udc00\"]",
                "[\"raw\ncontrol\"]", "{a:1}", "{'a':1}", "[tru]", "[nul]", "[1] [2]", "[1}", "{\"a\" 1}", "[NaN]",
                "{\"a\":1,\"a\":2}",
            };
            for (int i = 0; i < bad.Length; i++)
            {
                Assert.IsTrue(Refused(bad[i]), "accepted case " + i + ": " + bad[i]);
            }
        }

        [TestMethod]
        public void DepthAndLengthBoundsAreEnforcedWithoutRecursion()
        {
            StringBuilder deep = new StringBuilder();
            for (int i = 0; i < 2000; i++)
            {
                deep.Append('[');
            }

            for (int i = 0; i < 2000; i++)
            {
                deep.Append(']');
            }

            int position = -1;
            try
            {
                new JsonParser(16, 100000).Parse(deep.ToString());
            }
            catch (JsonLimitException e)
            {
                position = e.Position;
            }

            Assert.AreEqual(16, position, "the 17th opening bracket is refused");
            Assert.IsNotNull(new JsonParser(16, 1000).Parse("[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]"));
            Assert.ThrowsException(typeof(JsonLimitException), () => new JsonParser(8, 10).Parse("[\"0123456789\"]"));
        }

        [TestMethod]
        public void EscapesAreDecodedIncludingSurrogatePairs()
        {
            JsonValue text = new JsonParser().Parse("\"\\u00e9\\u20ac\\ud83d\\ude00\\/\\\"\"");
            Assert.AreEqual("\u00e9\u20ac\ud83d\ude00/\"", text.Text);
            Assert.AreEqual("a\\b\nc", new JsonParser().Parse("\"a\\\\b\\nc\"").Text);
        }

        [TestMethod]
        public void PullReaderReportsTokensInOrder()
        {
            JsonReader r = new JsonReader();
            r.Start(" {\"a\" : [1, -2.5e3, true, false, null, \"s\"], \"b\": {}} ");
            StringBuilder tokens = new StringBuilder();
            while (r.Read() != JsonTokenType.EndOfInput)
            {
                // Token types as numbers: the device never turns an enum into its name.
                tokens.Append((int)r.TokenType).Append(r.Value == null ? "" : "=" + r.Value).Append(' ');
            }

            // StartObject PropertyName=a StartArray Number=1 Number=-2.5e3 True False Null String=s EndArray PropertyName=b StartObject EndObject EndObject
            Assert.AreEqual("1 5=a 3 7=1 7=-2.5e3 8 9 10 6=s 4 5=b 1 2 2 ", tokens.ToString());
        }

        [TestMethod]
        public void NumbersParseToTheSameDoublesAsTheDesktop()
        {
            string[] text = { "0", "-0.5", "0.1", "123456.789", "1e-7", "2.5E+3", "3.141592653589793", "-9007199254740993" };
            double[] expected = { 0.0, -0.5, 0.1, 123456.789, 1e-7, 2500.0, 3.141592653589793, -9007199254740992.0 };
            for (int i = 0; i < text.Length; i++)
            {
                Assert.AreEqual(expected[i], JsonNumber.ParseDouble(text[i]), text[i]);
            }

            Assert.AreEqual(0.1, new JsonParser().Parse("{\"v\":0.1}").Get("v").AsDouble);
        }

        [TestMethod]
        public void IntegersOutsideLongAreNotTakenAsIntegers()
        {
            long value;

            Assert.IsFalse(JsonNumber.TryParseInteger("9223372036854775808", out value));
            Assert.IsTrue(JsonNumber.TryParseInteger("-9223372036854775808", out value));
            Assert.AreEqual(long.MinValue, value);
            Assert.IsTrue(JsonNumber.IsIntegral("5.0"));
            Assert.IsFalse(JsonNumber.IsIntegral("5.5"));
            Assert.AreEqual(300L, new JsonParser().Parse("{\"interval\":300}").GetInteger("interval", -1));
        }

        [TestMethod]
        public void StringsAreEscapedPerRfc8259()
        {
            string[] values = { "plain", "quote\"back\\slash", "tab\tnew\nret\rbs\bff\f", "\u0001\u001f", "\u00fcn\u00efc\u00f8d\u00e9 \u20ac" };
            string[] expected =
            {
                "\"plain\"", "\"quote\\\"back\\\\slash\"", "\"tab\\tnew\\nret\\rbs\\bff\\f\"", "\"\\u0001\\u001f\"",
                "\"\u00fcn\u00efc\u00f8d\u00e9 \u20ac\"",
            };
            for (int i = 0; i < values.Length; i++)
            {
                JsonWriter w = new JsonWriter();
                w.String(values[i]);
                Assert.AreEqual(expected[i], w.ToString());
                Assert.AreEqual(values[i], new JsonParser().Parse(w.ToString()).Text, "read back case " + i);
            }
        }

        [TestMethod]
        public void IntegersAreWrittenExactly()
        {
            long[] values = { 0, -1, long.MaxValue, long.MinValue, 1700000000000 };
            string[] expected = { "0", "-1", "9223372036854775807", "-9223372036854775808", "1700000000000" };
            for (int i = 0; i < values.Length; i++)
            {
                JsonWriter w = new JsonWriter();
                w.Integer(values[i]);
                Assert.AreEqual(expected[i], w.ToString());
            }
        }

        [TestMethod]
        public void DecimalsAreFormattedExplicitlyWithoutExponentLikeOnTheDesktop()
        {
            Assert.AreEqual("230", Decimal(230.0, 3));
            Assert.AreEqual("12.5", Decimal(12.5, 3));
            Assert.AreEqual("-0.001", Decimal(-0.001, 3));
            Assert.AreEqual("0", Decimal(-0.0004, 3));
            Assert.AreEqual("0.3", Decimal(0.1 + 0.2, 6));
            Assert.AreEqual("1234.57", Decimal(1234.5678, 2));
            Assert.AreEqual("1000000000000000", Decimal(1e15, 3));
            Assert.AreEqual("7.1", Decimal(7.05, 1));
            Assert.AreEqual("22066.4", Decimal(22066.4, 1));
            Assert.AreEqual("11085.123", Decimal(11085.1234, 3));
        }

        [TestMethod]
        public void DecimalsReadBackWithinHalfAUnitOfTheLastDigit()
        {
            Charger.Hal.Sim.SeededRandom random = new Charger.Hal.Sim.SeededRandom(1234);
            for (int i = 0; i < 300; i++)
            {
                double value = (random.Next(2000001) - 1000000) / 1000.0 * System.Math.Pow(10, random.Next(-3, 8));
                int digits = random.Next(0, 7);
                string text = Decimal(value, digits);
                Assert.IsTrue(text.IndexOf('E') < 0 && text.IndexOf('e') < 0, text);
                double back = JsonNumber.ParseDouble(text);
                double tolerance = 0.5 * System.Math.Pow(10, -digits) * (1 + 1e-9) + System.Math.Abs(value) * 1e-15;
                Assert.IsTrue(System.Math.Abs(back - value) <= tolerance, "case " + i + " with " + digits + " digits wrote " + text);
            }
        }

        [TestMethod]
        public void NaNAndInfinityAreRefused()
        {
            Assert.ThrowsException(typeof(JsonException), () => new JsonWriter().Decimal(double.NaN, 2));
            Assert.ThrowsException(typeof(JsonException), () => new JsonWriter().Decimal(double.PositiveInfinity, 2));
        }

        [TestMethod]
        public void DatesAreRfc3339UtcWithMillisecondsBothWays()
        {
            JsonWriter w = new JsonWriter();
            w.DateTimeUtc(new DateTime(2026, 11, 21, 7, 5, 9, 42));
            Assert.AreEqual("\"2026-11-21T07:05:09.042Z\"", w.ToString());

            string[] text = { "2026-11-21T07:05:09Z", "2026-11-21T07:05:09.123456Z", "2026-11-21T07:05:09.5+02:00", "2026-12-31T23:30:00-01:00" };
            string[] utc = { "2026-11-21T07:05:09.000Z", "2026-11-21T07:05:09.123Z", "2026-11-21T05:05:09.500Z", "2027-01-01T00:30:00.000Z" };
            for (int i = 0; i < text.Length; i++)
            {
                DateTime parsed;
                Assert.IsTrue(Rfc3339.TryParse(text[i], out parsed), text[i]);
                Assert.AreEqual(utc[i], Rfc3339.Format(parsed));
            }

            string[] invalid = { "2026-11-21 07:05:09Z", "2026-11-21T07:05:09", "2026-02-30T07:05:09Z", "2026-11-21T25:05:09Z", "2026-11-21T07:05:09.Z", "2026-11-21T07:05:09+0200" };
            for (int i = 0; i < invalid.Length; i++)
            {
                DateTime unused;
                Assert.IsFalse(Rfc3339.TryParse(invalid[i], out unused), invalid[i]);
            }
        }

        [TestMethod]
        public void NestedStructureIsWrittenAndReadBack()
        {
            JsonWriter w = new JsonWriter();
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
            w.Name("e");
            w.Decimal(16.5, 1);
            w.EndObject();

            Assert.AreEqual("{\"a\":1,\"b\":[\"x\",true,null,{}],\"c\":\"d\",\"e\":16.5}", w.ToString());
            JsonValue root = new JsonParser().Parse(w.ToString());
            Assert.AreEqual((int)JsonValueKind.Object, (int)root.Kind);
            Assert.AreEqual(4, root.Get("b").Count);
            Assert.IsNull(root.Get("absent"));
            Assert.AreEqual("d", root.GetString("c"));
            Assert.AreEqual(16.5, root.Get("e").AsDouble);

            JsonWriter again = new JsonWriter();
            root.WriteTo(again);
            Assert.AreEqual(w.ToString(), again.ToString(), "parse then write is the identity on canonical text");
        }

        [TestMethod]
        public void WriterBoundsAndMisuseAreRefused()
        {
            JsonWriter deep = new JsonWriter(3, 1000);
            deep.BeginArray();
            deep.BeginArray();
            deep.BeginArray();
            Assert.ThrowsException(typeof(JsonLimitException), () => deep.BeginArray());

            JsonWriter longer = new JsonWriter(8, 10);
            longer.BeginArray();
            Assert.ThrowsException(typeof(JsonLimitException), () => longer.String("this is longer than ten"));

            JsonWriter obj = new JsonWriter();
            obj.BeginObject();
            Assert.ThrowsException(typeof(InvalidOperationException), () => obj.String("value without name"));
            JsonWriter array = new JsonWriter();
            array.BeginArray();
            Assert.ThrowsException(typeof(InvalidOperationException), () => array.EndObject());
            JsonWriter top = new JsonWriter();
            top.Integer(1);
            Assert.ThrowsException(typeof(InvalidOperationException), () => top.Integer(2));
        }
    }
}
