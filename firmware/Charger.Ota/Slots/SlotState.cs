namespace Charger.Ota.Slots
{
    /// <summary>
    /// The boot state both the boot assembly and the application read: which slot is active (the
    /// last confirmed image), which slot is on trial and how many boot attempts it has used, what
    /// each slot holds and its version, and the last rollback with whether it was reported.
    /// Encoded as one fixed-size record (<see cref="RecordBytes"/>) ending in a CRC-32, so that a
    /// write torn at any byte is detected; <see cref="BootStateStore"/> keeps two copies.
    /// </summary>
    public sealed class SlotState
    {
        public const int SlotCount = 2;
        public const int NoSlot = -1;
        public const int RecordBytes = 192;
        public const int MaxVersionChars = 32;
        private const byte FormatVersion = 1;
        private const int CrcOffset = RecordBytes - 4;
        private const int SlotFieldsOffset = 16;
        private const int SlotFieldsBytes = 3 + MaxVersionChars;
        private const int RollbackOffset = SlotFieldsOffset + (SlotCount * SlotFieldsBytes);

        private readonly SlotImageState[] _images = new SlotImageState[SlotCount];
        private readonly bool[] _confirmed = new bool[SlotCount];
        private readonly string[] _versions = new string[SlotCount];

        public SlotState()
        {
            ActiveSlot = NoSlot;
            TrialSlot = NoSlot;
            MaxTrialAttempts = 3;
            for (int i = 0; i < SlotCount; i++)
            {
                _versions[i] = string.Empty;
            }

            RollbackFromVersion = string.Empty;
            RollbackToVersion = string.Empty;
        }

        /// <summary>Grows by one with every write; the copy with the higher valid sequence wins.</summary>
        public uint Sequence { get; set; }

        /// <summary>The slot of the last confirmed image, or <see cref="NoSlot"/> on a station that never confirmed one.</summary>
        public int ActiveSlot { get; set; }

        /// <summary>The slot booted on trial, or <see cref="NoSlot"/>.</summary>
        public int TrialSlot { get; set; }

        /// <summary>Boots of the trial image so far (counted before each starts).</summary>
        public int TrialAttemptsUsed { get; set; }

        public int MaxTrialAttempts { get; set; }

        public RollbackReason LastRollback { get; set; }

        /// <summary>True once the application reported <see cref="LastRollback"/> (e.g. to the CSMS after reconnect).</summary>
        public bool RollbackReported { get; set; }

        public string RollbackFromVersion { get; set; }

        public string RollbackToVersion { get; set; }

        public uint RollbackCount { get; set; }

        public SlotImageState ImageOf(int slot)
        {
            return _images[slot];
        }

        public void SetImage(int slot, SlotImageState state)
        {
            _images[slot] = state;
        }

        /// <summary>True when the image in <paramref name="slot"/> passed its self-test once (a known-good fallback).</summary>
        public bool IsConfirmed(int slot)
        {
            return _confirmed[slot];
        }

        public void SetConfirmed(int slot, bool confirmed)
        {
            _confirmed[slot] = confirmed;
        }

        public string VersionOf(int slot)
        {
            return _versions[slot];
        }

        public void SetVersion(int slot, string version)
        {
            _versions[slot] = version == null ? string.Empty : version;
        }

        public SlotState Clone()
        {
            SlotState copy = new SlotState();
            copy.Sequence = Sequence;
            copy.ActiveSlot = ActiveSlot;
            copy.TrialSlot = TrialSlot;
            copy.TrialAttemptsUsed = TrialAttemptsUsed;
            copy.MaxTrialAttempts = MaxTrialAttempts;
            copy.LastRollback = LastRollback;
            copy.RollbackReported = RollbackReported;
            copy.RollbackFromVersion = RollbackFromVersion;
            copy.RollbackToVersion = RollbackToVersion;
            copy.RollbackCount = RollbackCount;
            for (int i = 0; i < SlotCount; i++)
            {
                copy._images[i] = _images[i];
                copy._confirmed[i] = _confirmed[i];
                copy._versions[i] = _versions[i];
            }

            return copy;
        }

        /// <summary>True when every field equals <paramref name="other"/>'s (the sequence included).</summary>
        public bool SameAs(SlotState other)
        {
            if (other == null || Sequence != other.Sequence || ActiveSlot != other.ActiveSlot || TrialSlot != other.TrialSlot
                || TrialAttemptsUsed != other.TrialAttemptsUsed || MaxTrialAttempts != other.MaxTrialAttempts
                || LastRollback != other.LastRollback || RollbackReported != other.RollbackReported
                || RollbackFromVersion != other.RollbackFromVersion || RollbackToVersion != other.RollbackToVersion
                || RollbackCount != other.RollbackCount)
            {
                return false;
            }

            for (int i = 0; i < SlotCount; i++)
            {
                if (_images[i] != other._images[i] || _confirmed[i] != other._confirmed[i] || _versions[i] != other._versions[i])
                {
                    return false;
                }
            }

            return true;
        }

        public byte[] Encode()
        {
            byte[] record = new byte[RecordBytes];
            record[0] = (byte)'O';
            record[1] = (byte)'T';
            record[2] = (byte)'A';
            record[3] = (byte)'S';
            record[4] = FormatVersion;
            LittleEndian.PutUInt16(record, 6, RecordBytes);
            LittleEndian.PutUInt32(record, 8, Sequence);
            record[12] = SlotByte(ActiveSlot);
            record[13] = SlotByte(TrialSlot);
            record[14] = (byte)TrialAttemptsUsed;
            record[15] = (byte)MaxTrialAttempts;
            for (int i = 0; i < SlotCount; i++)
            {
                int at = SlotFieldsOffset + (i * SlotFieldsBytes);
                record[at] = (byte)_images[i];
                record[at + 1] = (byte)(_confirmed[i] ? 1 : 0);
                PutText(record, at + 2, _versions[i]);
            }

            record[RollbackOffset] = (byte)LastRollback;
            record[RollbackOffset + 1] = (byte)(RollbackReported ? 1 : 0);
            LittleEndian.PutUInt32(record, RollbackOffset + 2, RollbackCount);
            PutText(record, RollbackOffset + 6, RollbackFromVersion);
            PutText(record, RollbackOffset + 7 + MaxVersionChars, RollbackToVersion);
            LittleEndian.PutUInt32(record, CrcOffset, StateCrc32.Compute(record, 0, CrcOffset));
            return record;
        }

        /// <summary>The state in <paramref name="record"/>, or null when it is missing, torn, or not a slot-state record.</summary>
        public static SlotState Decode(byte[] record)
        {
            if (record == null || record.Length != RecordBytes || record[0] != 'O' || record[1] != 'T' || record[2] != 'A'
                || record[3] != 'S' || record[4] != FormatVersion || LittleEndian.UInt16(record, 6) != RecordBytes
                || LittleEndian.UInt32(record, CrcOffset) != StateCrc32.Compute(record, 0, CrcOffset))
            {
                return null;
            }

            SlotState state = new SlotState();
            state.Sequence = LittleEndian.UInt32(record, 8);
            state.ActiveSlot = SlotOf(record[12]);
            state.TrialSlot = SlotOf(record[13]);
            state.TrialAttemptsUsed = record[14];
            state.MaxTrialAttempts = record[15];
            for (int i = 0; i < SlotCount; i++)
            {
                int at = SlotFieldsOffset + (i * SlotFieldsBytes);
                if (record[at] > (byte)SlotImageState.Failed)
                {
                    return null;
                }

                state._images[i] = (SlotImageState)record[at];
                state._confirmed[i] = record[at + 1] != 0;
                state._versions[i] = TextAt(record, at + 2);
            }

            if (record[RollbackOffset] > (byte)RollbackReason.VerificationFailed || state.ActiveSlot == -2 || state.TrialSlot == -2
                || (state.ActiveSlot != NoSlot && state.ActiveSlot == state.TrialSlot))
            {
                return null;
            }

            state.LastRollback = (RollbackReason)record[RollbackOffset];
            state.RollbackReported = record[RollbackOffset + 1] != 0;
            state.RollbackCount = LittleEndian.UInt32(record, RollbackOffset + 2);
            state.RollbackFromVersion = TextAt(record, RollbackOffset + 6);
            state.RollbackToVersion = TextAt(record, RollbackOffset + 7 + MaxVersionChars);
            return state;
        }

        /// <summary>True when <paramref name="version"/> fits the record: 1 to 32 printable ASCII characters.</summary>
        public static bool IsStorableVersion(string version)
        {
            if (version == null || version.Length == 0 || version.Length > MaxVersionChars)
            {
                return false;
            }

            char[] chars = version.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] <= ' ' || chars[i] > '~')
                {
                    return false;
                }
            }

            return true;
        }

        private static byte SlotByte(int slot)
        {
            return slot == NoSlot ? (byte)0xFF : (byte)slot;
        }

        // -2 marks a byte that is neither a slot nor "none": the record is rejected.
        private static int SlotOf(byte value)
        {
            return value == 0xFF ? NoSlot : (value < SlotCount ? value : -2);
        }

        private static void PutText(byte[] record, int offset, string text)
        {
            char[] chars = text.ToCharArray();
            int length = chars.Length > MaxVersionChars ? MaxVersionChars : chars.Length;
            record[offset] = (byte)length;
            for (int i = 0; i < length; i++)
            {
                record[offset + 1 + i] = (byte)chars[i];
            }
        }

        private static string TextAt(byte[] record, int offset)
        {
            int length = record[offset];
            if (length > MaxVersionChars)
            {
                length = MaxVersionChars;
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)record[offset + 1 + i];
            }

            return new string(chars);
        }
    }
}
