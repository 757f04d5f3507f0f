using Charger.Hal.Sim;
using Charger.Metering.Modbus;
using Charger.Metering.Profiles;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// Modbus RTU on the board's CLR: CRC-16/MODBUS, bit-exact requests, frame parsing of good and
    /// bad answers over the virtual-time loopback line, and IEEE-754 register decoding. Mirrors
    /// tests/Charger.Metering.Tests/Modbus (ModbusFramingTests, ModbusBadInputTests) and ProfileTests.
    /// </summary>
    [TestClass]
    public class ModbusOnTargetTests
    {
        private static readonly ushort[] GoodRegisters = new ushort[] { 0x1234, 0x5678 };

        private static byte[] Good()
        {
            return ModbusFrames.ReadResponse(1, 4, GoodRegisters);
        }

        private static ModbusRig RigAnswering(byte[] first, byte[] second, byte[] third)
        {
            ModbusRig rig = new ModbusRig();
            rig.Slave.Answer(first);
            if (second != null)
            {
                rig.Slave.Answer(second);
            }

            if (third != null)
            {
                rig.Slave.Answer(third);
            }

            rig.Master.BeginReadInputRegisters(1, 0, 2);
            return rig;
        }

        private static void AssertBytes(string expectedHex, byte[] actual)
        {
            byte[] expected = ModbusFrames.Hex(expectedHex);
            Assert.IsTrue(ModbusFrames.Same(expected, actual), "expected " + ModbusFrames.ToHex(expected) + ", got " + ModbusFrames.ToHex(actual));
        }

        [TestMethod]
        public void CrcMatchesTheCatalogueCheckValueForCrc16Modbus()
        {
            // CRC-16/MODBUS check value over ASCII "123456789" is 0x4B37 (reveng CRC catalogue).
            byte[] data = System.Text.Encoding.UTF8.GetBytes("123456789");

            Assert.AreEqual(0x4B37, (int)ModbusCrc.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void CrcIsAppendedLowByteFirstAsTheSerialLineSpecRequires()
        {
            // Serial Line V1.02 section 6.2.2: 01 03 00 00 00 0A is followed by C5 CD on the wire.
            byte[] frame = ModbusFrames.Hex("01030000000A0000");
            ModbusCrc.Append(frame, 0, 6);

            AssertBytes("01030000000AC5CD", frame);
            Assert.IsTrue(ModbusCrc.IsValidFrame(frame, 0, 8));
            frame[3] ^= 0x01;
            Assert.IsFalse(ModbusCrc.IsValidFrame(frame, 0, 8));
        }

        [TestMethod]
        public void InterFrameGapIsThreeAndAHalfCharactersOrFixedAbove19200Baud()
        {
            int[] baud = { 9600, 19200, 38400, 115200 };
            int[] charUs = { 1146, 573, 287, 96 };
            int[] gapUs = { 4011, 2006, 1750, 1750 };
            int[] gapMs = { 5, 3, 2, 2 };
            for (int i = 0; i < baud.Length; i++)
            {
                Assert.AreEqual(charUs[i], ModbusTiming.CharacterTimeUs(baud[i]), baud[i] + " baud character");
                Assert.AreEqual(gapUs[i], ModbusTiming.InterFrameGapUs(baud[i]), baud[i] + " baud gap");
                Assert.AreEqual(gapMs[i], ModbusTiming.InterFrameGapMs(baud[i]), baud[i] + " baud gap ms");
            }
        }

        [TestMethod]
        public void ReadInputRegistersRequestIsBitExact()
        {
            ModbusRig rig = new ModbusRig();
            rig.Slave.Answer(ModbusFrames.ReadResponse(1, 4, new ushort[] { 0x4366, 0x0000 }));

            Assert.IsTrue(rig.Master.BeginReadInputRegisters(1, 0x0000, 2));
            Assert.AreEqual((int)ModbusTransactionState.Completed, (int)rig.RunToEnd());

            // The SDM630 "phase 1 voltage" request as Eastron's integration guides print it.
            AssertBytes("01040000000271CB", rig.Slave.Request(0));
            Assert.AreEqual(2, rig.Master.RegisterCount);
            Assert.AreEqual(0x4366, (int)rig.Master.GetRegister(0));
            Assert.AreEqual(0, (int)rig.Master.GetRegister(1));
        }

        [TestMethod]
        public void ReadHoldingRegistersRequestIsBitExactAndRegistersDecodeBigEndian()
        {
            ModbusRig rig = new ModbusRig();
            ushort[] regs = new ushort[10];
            for (int i = 0; i < regs.Length; i++)
            {
                regs[i] = (ushort)(0x0102 * (i + 1));
            }

            rig.Slave.Answer(ModbusFrames.ReadResponse(1, 3, regs));
            rig.Master.BeginReadHoldingRegisters(1, 0x0000, 10);

            Assert.AreEqual((int)ModbusTransactionState.Completed, (int)rig.RunToEnd());
            AssertBytes("01030000000AC5CD", rig.Slave.Request(0));
            ushort[] copy = new ushort[10];
            rig.Master.CopyRegisters(copy, 0);
            for (int i = 0; i < regs.Length; i++)
            {
                Assert.AreEqual((int)regs[i], (int)copy[i], "register " + i);
            }
        }

        [TestMethod]
        public void WriteSingleRegisterSendsFunction06AndAcceptsTheEcho()
        {
            ModbusRig rig = new ModbusRig();
            byte[] request = ModbusFrames.WithCrc(new byte[] { 0x11, 0x06, 0x00, 0x01, 0x00, 0x03 });
            rig.Slave.Answer(request);
            rig.Master.BeginWriteSingleRegister(0x11, 0x0001, 0x0003);

            Assert.AreEqual((int)ModbusTransactionState.Completed, (int)rig.RunToEnd());
            // Application Protocol 6.6 example: 11 06 00 01 00 03, CRC 9A 9B.
            AssertBytes("110600010003 9A9B", rig.Slave.Request(0));
        }

        [TestMethod]
        public void WriteMultipleRegistersSendsFunction16WithByteCountAndAcceptsTheEcho()
        {
            ModbusRig rig = new ModbusRig();
            rig.Slave.Answer(ModbusFrames.WithCrc(new byte[] { 0x11, 0x10, 0x00, 0x01, 0x00, 0x02 }));
            rig.Master.BeginWriteMultipleRegisters(0x11, 0x0001, new ushort[] { 0x000A, 0x0102 }, 0, 2);

            Assert.AreEqual((int)ModbusTransactionState.Completed, (int)rig.RunToEnd());
            // Application Protocol 6.12 example PDU: 10 00 01 00 02 04 00 0A 01 02.
            byte[] expected = ModbusFrames.WithCrc(new byte[] { 0x11, 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0x0A, 0x01, 0x02 });
            Assert.IsTrue(ModbusFrames.Same(expected, rig.Slave.Request(0)), ModbusFrames.ToHex(rig.Slave.Request(0)));
        }

        [TestMethod]
        public void WriteEchoWithADifferentValueIsRejectedAsWrongByteCount()
        {
            ModbusRig rig = new ModbusRig();
            rig.Master.Retries = 0;
            rig.Slave.Answer(ModbusFrames.WithCrc(new byte[] { 0x11, 0x06, 0x00, 0x01, 0x00, 0x04 }));
            rig.Master.BeginWriteSingleRegister(0x11, 0x0001, 0x0003);

            Assert.AreEqual((int)ModbusTransactionState.Failed, (int)rig.RunToEnd());
            Assert.AreEqual((int)ModbusError.WrongByteCount, (int)rig.Master.LastError);
        }

        [TestMethod]
        public void CrcErrorIsCountedAndTheRetryReadsTheGoodAnswer()
        {
            byte[] bad = Good();
            bad[4] ^= 0x40;
            ModbusRig rig = RigAnswering(bad, Good(), null);

            Assert.AreEqual((int)ModbusTransactionState.Completed, (int)rig.RunToEnd());
            Assert.AreEqual(1, rig.Master.Counters.CrcErrors);
            Assert.AreEqual(1, rig.Master.Counters.Retries);
            Assert.AreEqual(2, rig.Master.Attempts);
            Assert.AreEqual(0x5678, (int)rig.Master.GetRegister(1));
        }

        [TestMethod]
        public void TruncatedFrameIsCountedAndFailsAfterTheRetries()
        {
            byte[] cut = new byte[6];
            System.Array.Copy(Good(), cut, 6);
            ModbusRig rig = RigAnswering(cut, cut, cut);

            Assert.AreEqual((int)ModbusTransactionState.Failed, (int)rig.RunToEnd());
            Assert.AreEqual((int)ModbusError.TruncatedFrame, (int)rig.Master.LastError);
            Assert.AreEqual(3, rig.Master.Counters.TruncatedFrames);
            Assert.AreEqual(1, rig.Master.Counters.FailedTransactions);
        }

        [TestMethod]
        public void AnswersFromTheWrongSlaveOrFunctionOrWithTheWrongByteCountAreCountedAndNotAccepted()
        {
            ModbusRig address = RigAnswering(ModbusFrames.ReadResponse(2, 4, GoodRegisters), Good(), null);
            Assert.AreEqual((int)ModbusTransactionState.Completed, (int)address.RunToEnd());
            Assert.AreEqual(1, address.Master.Counters.WrongSlaveAddress);
            Assert.AreEqual(2, address.Master.Attempts);

            byte[] holding = ModbusFrames.ReadResponse(1, 3, GoodRegisters);
            ModbusRig function = RigAnswering(holding, holding, holding);
            Assert.AreEqual((int)ModbusTransactionState.Failed, (int)function.RunToEnd());
            Assert.AreEqual((int)ModbusError.WrongFunctionCode, (int)function.Master.LastError);
            Assert.AreEqual(3, function.Master.Counters.WrongFunctionCode);

            // Three registers where two were asked for; then a byte count that says 4 over 2 bytes.
            byte[] tooMany = ModbusFrames.ReadResponse(1, 4, new ushort[] { 1, 2, 3 });
            byte[] lying = ModbusFrames.WithCrc(new byte[] { 1, 4, 4, 0x12, 0x34 });
            ModbusRig count = RigAnswering(tooMany, lying, Good());
            Assert.AreEqual((int)ModbusTransactionState.Completed, (int)count.RunToEnd());
            Assert.AreEqual(2, count.Master.Counters.WrongByteCount);
        }

        [TestMethod]
        public void SilenceTimesOutAfter200MsPerAttemptAndFailsAfterTwoRetries()
        {
            ModbusRig rig = new ModbusRig();
            long startMs = rig.Clock.NowMs;
            rig.Master.BeginReadInputRegisters(1, 0, 2);

            Assert.AreEqual((int)ModbusTransactionState.Failed, (int)rig.RunToEnd());
            long elapsedMs = rig.Clock.NowMs - startMs;
            Assert.AreEqual((int)ModbusError.Timeout, (int)rig.Master.LastError);
            Assert.AreEqual(3, rig.Master.Counters.Timeouts);
            Assert.AreEqual(3, rig.Slave.RequestCount);
            Assert.IsTrue(elapsedMs >= 600 && elapsedMs <= 660, "took " + elapsedMs + " ms");
        }

        [TestMethod]
        public void LeadingNoiseBeforeAGoodFrameIsSkippedByResynchronisation()
        {
            byte[] noisy = ModbusFrames.Concat(new byte[] { 0xFF, 0x00, 0x13 }, Good());
            ModbusRig rig = RigAnswering(noisy, null, null);

            Assert.AreEqual((int)ModbusTransactionState.Completed, (int)rig.RunToEnd());
            Assert.AreEqual(1, rig.Master.Attempts);
            Assert.AreEqual(3, rig.Master.Counters.NoiseBytesDiscarded);
            Assert.AreEqual(0x1234, (int)rig.Master.GetRegister(0));
        }

        [TestMethod]
        public void ExceptionResponseBecomesATypedErrorWithItsCodeAndIsNotRetried()
        {
            byte[] codes = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0A, 0x0B };
            string[] prefixes = { "01 ", "02 ", "03 ", "04 ", "05 ", "06 ", "07 ", "08 ", "0A ", "0B " };
            for (int i = 0; i < codes.Length; i++)
            {
                ModbusRig rig = RigAnswering(ModbusFrames.Exception(1, 4, codes[i]), null, null);

                Assert.AreEqual((int)ModbusTransactionState.Failed, (int)rig.RunToEnd());
                Assert.AreEqual((int)ModbusError.SlaveException, (int)rig.Master.LastError);
                Assert.AreEqual((int)codes[i], (int)rig.Master.LastExceptionCode);
                Assert.AreEqual(1, rig.Master.Counters.ExceptionResponses);
                Assert.AreEqual(1, rig.Slave.RequestCount);
                string text = ModbusExceptionText.Describe(rig.Master.LastExceptionCode);
                Assert.IsTrue(text.IndexOf(prefixes[i]) == 0, text);
            }
        }

        [TestMethod]
        public void RandomGarbageAnswersNeverCrashAndAlwaysEndTheTransaction()
        {
            // Seeded so a failure replays: each seed answers with random bytes of random length.
            for (ulong seed = 1; seed <= 40; seed++)
            {
                SeededRandom random = new SeededRandom(seed);
                ModbusRig rig = new ModbusRig();
                rig.Master.Retries = 1;
                for (int k = 0; k < 2; k++)
                {
                    byte[] garbage = new byte[1 + random.Next(40)];
                    random.NextBytes(garbage);
                    rig.Slave.Answer(garbage);
                }

                rig.Master.BeginReadInputRegisters(1, 0, 2);
                ModbusTransactionState state = rig.RunToEnd();

                Assert.IsTrue(state == ModbusTransactionState.Failed || state == ModbusTransactionState.Completed, "seed " + seed);
                if (state == ModbusTransactionState.Failed && rig.Master.LastError != ModbusError.SlaveException)
                {
                    Assert.IsTrue(rig.Master.Counters.BadFrames >= 2, "seed " + seed + ": failures must be counted");
                }
            }
        }

        [TestMethod]
        public void ArgumentsOutsideTheSpecAreRefused()
        {
            ModbusRig rig = new ModbusRig();

            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => rig.Master.BeginReadInputRegisters(0, 0, 1));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => rig.Master.BeginReadInputRegisters(248, 0, 1));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => rig.Master.BeginReadInputRegisters(1, 0, 126));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException),
                () => rig.Master.BeginWriteMultipleRegisters(1, 0, new ushort[124], 0, 124));
        }

        [TestMethod]
        public void Float32RegistersDecodeLikeIeee754WithTheDevicesDoubleMaths()
        {
            Assert.AreEqual(230.0, RegisterDecoder.Float32HighWordFirst(new ushort[] { 0x4366, 0x0000 }, 0));
            Assert.AreEqual(1.0, RegisterDecoder.Float32HighWordFirst(new ushort[] { 0x3F80, 0x0000 }, 0));
            Assert.AreEqual(-2.0, RegisterDecoder.Float32HighWordFirst(new ushort[] { 0xC000, 0x0000 }, 0));
            Assert.AreEqual(0.0, RegisterDecoder.Float32HighWordFirst(new ushort[] { 0x0000, 0x0000 }, 0));
            Assert.AreEqual(1.401298464324817E-45, RegisterDecoder.Float32HighWordFirst(new ushort[] { 0x0000, 0x0001 }, 0), "smallest subnormal");
            Assert.AreEqual(3.4028234663852886E+38, RegisterDecoder.Float32HighWordFirst(new ushort[] { 0x7F7F, 0xFFFF }, 0), "float.MaxValue");
            Assert.IsTrue(double.IsNaN(RegisterDecoder.Float32HighWordFirst(new ushort[] { 0x7F80, 0x0000 }, 0)), "infinity is invalid");
            Assert.AreEqual(-123456, RegisterDecoder.Int32HighWordFirst(new ushort[] { 0xFFFE, 0x1DC0 }, 0));
        }
    }
}
