using System;
using System.Linq;
using Charger.Console.Tests.Fakes;
using Charger.Firmware.Console;
using FsCheck;
using FsCheck.Fluent;

namespace Charger.Console.Tests
{
    /// <summary>Properties over random input: whatever arrives on the line, every bound holds.</summary>
    public class ConsoleProperties
    {
        private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(200);

        /// <summary>Byte bursts biased towards the bytes the editor treats specially.</summary>
        private static Arbitrary<byte[][]> Bursts()
        {
            Gen<byte> special = Gen.Elements<byte>(0x00, 0x03, 0x08, 0x0A, 0x0D, 0x15, 0x1B, 0x7F, (byte)'[', (byte)'A', (byte)'O', 0xFF);
            Gen<byte> any = Gen.Choose(0, 255).Select(i => (byte)i);
            Gen<byte> text = Gen.Choose(0x20, 0x7E).Select(i => (byte)i);
            Gen<byte> one = Gen.Frequency((3, any), (3, text), (2, special));
            Gen<byte[]> burst = Gen.Choose(0, 300).SelectMany(n => Gen.ArrayOf(one, n));
            return Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(burst, n)).ToArbitrary();
        }

        [Fact]
        public void RandomInputNeverThrowsNeverOverrunsABufferAndNeverGainsPrivilege()
        {
            Check.One(Runs, Prop.ForAll(Bursts(), (Action<byte[][]>)(bursts =>
            {
                var h = new ConsoleHarness(new ConsoleSettings { OutputBufferBytes = 512 });
                foreach (byte[] burst in bursts)
                {
                    h.Port.Inject(burst);
                    for (int i = 0; i < 5; i++)
                    {
                        int before = h.Port.SentCount;
                        h.Tick();
                        Assert.True(h.Port.SentCount - before <= h.Engine.Settings.MaxOutputBytesPerTick);
                        Assert.True(h.Engine.Editor.Length <= h.Engine.Settings.MaxLineChars);
                        Assert.True(h.Engine.Output.Count <= h.Engine.Output.Capacity);
                    }
                }

                Assert.False(h.Engine.IsLoggedIn);
                Assert.Equal(0, h.Reboot.Count);
                Assert.Equal(0, h.FactoryReset.Erases);
                Assert.Empty(h.Faults.ClearCalls);
            })));
        }

        [Fact]
        public void APrintableLineWithinTheLimitArrivesExactlyAsTyped()
        {
            Gen<string> line = Gen.Choose(0, 16).SelectMany(n => Gen.ArrayOf(Gen.Choose(0x20, 0x7E).Select(c => (char)c), n)).Select(a => new string(a));
            Gen<string> ending = Gen.Elements("\r", "\n", "\r\n");
            Check.One(Runs, Prop.ForAll(line.SelectMany(l => ending.Select(e => (l, e))).ToArbitrary(), (Action<(string, string)>)(input =>
            {
                var editor = new LineEditor(16, new OutputBuffer(256), new CommandHistory(2));
                LineEvent last = LineEvent.None;
                foreach (char c in input.Item1 + input.Item2)
                {
                    LineEvent e = editor.Feed((byte)c);
                    if (e == LineEvent.LineReady)
                    {
                        Assert.Equal(LineEvent.None, last);
                        last = e;
                    }
                }

                Assert.Equal(LineEvent.LineReady, last);
                Assert.Equal(input.Item1, editor.GetLine());
            })));
        }

        [Fact]
        public void TheTokenizerNeverThrowsAndNeverExceedsItsWordLimit()
        {
            Gen<string> line = Gen.Choose(0, 120).SelectMany(n => Gen.ArrayOf(Gen.Elements(' ', '"', 'a', 'Z', '.', '\t', '1', '-'), n)).Select(a => new string(a));
            Check.One(Runs, Prop.ForAll(line.ToArbitrary(), (Action<string>)(text =>
            {
                var cmd = new CommandLine();
                bool ok = cmd.Parse(text);
                Assert.True(cmd.Count <= CommandLine.MaxWords);
                Assert.Equal(ok, cmd.Error == null);
                if (ok)
                {
                    int unquotedWords = text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Length;
                    if (!text.Contains('"'))
                    {
                        Assert.Equal(unquotedWords, cmd.Count);
                    }
                }
            })));
        }

        [Fact]
        public void TheOutputBufferNeverHoldsMoreThanItsCapacityAndCountsEveryDroppedByte()
        {
            Gen<string> chunk = Gen.Choose(0, 200).Select(n => new string('x', n));
            Gen<(string, int)> step = chunk.SelectMany(c => Gen.Choose(0, 150).Select(d => (c, d)));
            Check.One(Runs, Prop.ForAll(Gen.ArrayOf(step).ToArbitrary(), (Action<(string, int)[]>)(steps =>
            {
                var buffer = new OutputBuffer(256);
                var port = new FakeSerialPort(0);
                long acceptedChars = 0;
                long refusedBytes = 0;
                foreach ((string text, int drain) in steps)
                {
                    if (buffer.WriteLine(text))
                    {
                        acceptedChars += text.Length;
                    }
                    else
                    {
                        refusedBytes += text.Length + 2;
                    }

                    Assert.True(buffer.Count <= 256);
                    Assert.True(buffer.Drain(port, drain) <= drain);
                }

                buffer.Drain(port, int.MaxValue);
                buffer.Drain(port, int.MaxValue);
                string sent = port.TakeText();
                Assert.Equal(refusedBytes, buffer.DroppedBytes);
                Assert.Equal(acceptedChars, sent.Count(c => c == 'x'));
                Assert.Equal(refusedBytes > 0, sent.Contains("bytes dropped]"));
            })));
        }
    }
}
