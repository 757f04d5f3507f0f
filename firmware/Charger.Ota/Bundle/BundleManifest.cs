using System.Collections;
using System.Text;

namespace Charger.Ota.Bundle
{
    /// <summary>
    /// What a bundle holds, as ASCII lines (one grammar for the device reader and the desktop tool):
    /// <code>
    /// format 1
    /// version 1.4.0
    /// board ESP32
    /// min-boot 1
    /// entry Charger.Device.FirmwareApplication
    /// file Charger.Hal.pe 2564 &lt;64 hex digits of SHA-256&gt;
    /// file ...
    /// </code>
    /// Files are in load order (a file's references before it). Every line is required once except
    /// <c>file</c> (1 to <see cref="MaxFiles"/>); anything else is <see cref="BundleError.BadManifest"/>.
    /// </summary>
    public sealed class BundleManifest
    {
        public const int MaxFiles = 32;
        public const int MaxNameChars = 64;
        public const int MaxBoardChars = 32;
        public const int MaxEntryChars = 128;

        private readonly ArrayList _entries = new ArrayList();

        public int FormatVersion { get; set; }

        public string FirmwareVersion { get; set; }

        public string Board { get; set; }

        /// <summary>The lowest boot-assembly version that can start this bundle.</summary>
        public int MinBootVersion { get; set; }

        /// <summary>Full name of the type implementing <c>IFirmwareApplication</c> (with a public constructor without arguments).</summary>
        public string EntryType { get; set; }

        public int FileCount
        {
            get { return _entries.Count; }
        }

        public BundleEntry File(int index)
        {
            return (BundleEntry)_entries[index];
        }

        public void AddFile(BundleEntry entry)
        {
            if (_entries.Count >= MaxFiles)
            {
                throw new BundleException(BundleError.BadManifest, "more than " + MaxFiles + " files");
            }

            for (int i = 0; i < _entries.Count; i++)
            {
                if (((BundleEntry)_entries[i]).Name == entry.Name)
                {
                    throw new BundleException(BundleError.BadManifest, "file " + entry.Name + " listed twice");
                }
            }

            long offset = 0;
            for (int i = 0; i < _entries.Count; i++)
            {
                offset += ((BundleEntry)_entries[i]).SizeBytes;
            }

            entry.PayloadOffset = offset;
            _entries.Add(entry);
        }

        /// <summary>Sum of the files' sizes.</summary>
        public long PayloadBytes
        {
            get
            {
                long total = 0;
                for (int i = 0; i < _entries.Count; i++)
                {
                    total += ((BundleEntry)_entries[i]).SizeBytes;
                }

                return total;
            }
        }

        public string ToText()
        {
            StringBuilder text = new StringBuilder();
            text.Append("format ").Append(FormatVersion.ToString()).Append('\n');
            text.Append("version ").Append(FirmwareVersion).Append('\n');
            text.Append("board ").Append(Board).Append('\n');
            text.Append("min-boot ").Append(MinBootVersion.ToString()).Append('\n');
            text.Append("entry ").Append(EntryType).Append('\n');
            for (int i = 0; i < _entries.Count; i++)
            {
                BundleEntry entry = (BundleEntry)_entries[i];
                text.Append("file ").Append(entry.Name).Append(' ').Append(entry.SizeBytes.ToString()).Append(' ')
                    .Append(Hex.Of(entry.Sha256)).Append('\n');
            }

            return text.ToString();
        }

        public byte[] ToBytes()
        {
            return Encoding.UTF8.GetBytes(ToText());
        }

        /// <summary>Parses manifest bytes; every departure from the grammar is a <see cref="BundleError.BadManifest"/>.</summary>
        public static BundleManifest Parse(byte[] bytes, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = bytes[i];
                if (b != (byte)'\n' && (b < 0x20 || b > 0x7E))
                {
                    throw new BundleException(BundleError.BadManifest, "byte " + i + " is not printable ASCII");
                }

                chars[i] = (char)b;
            }

            if (length == 0 || chars[length - 1] != '\n')
            {
                throw new BundleException(BundleError.BadManifest, "the manifest must end with a line break");
            }

            BundleManifest manifest = new BundleManifest();
            manifest.FormatVersion = -1;
            manifest.MinBootVersion = -1;
            int lineNumber = 0;
            int start = 0;
            for (int i = 0; i < length; i++)
            {
                if (chars[i] != '\n')
                {
                    continue;
                }

                lineNumber++;
                manifest.ParseLine(new string(chars, start, i - start), lineNumber);
                start = i + 1;
            }

            manifest.RequireComplete();
            return manifest;
        }

        private void ParseLine(string line, int lineNumber)
        {
            int space = line.IndexOf(' ');
            if (space <= 0)
            {
                throw Bad(lineNumber, "expected '<key> <value>'");
            }

            string key = line.Substring(0, space);
            string value = line.Substring(space + 1);
            if (key == "format")
            {
                RequireUnset(FormatVersion >= 0, key, lineNumber);
                FormatVersion = Number(value, 1, 65535, lineNumber);
            }
            else if (key == "version")
            {
                RequireUnset(FirmwareVersion != null, key, lineNumber);
                if (!Slots.SlotState.IsStorableVersion(value))
                {
                    throw Bad(lineNumber, "version must be 1 to 32 printable characters without spaces");
                }

                FirmwareVersion = value;
            }
            else if (key == "board")
            {
                RequireUnset(Board != null, key, lineNumber);
                Board = Token(value, MaxBoardChars, lineNumber);
            }
            else if (key == "min-boot")
            {
                RequireUnset(MinBootVersion >= 0, key, lineNumber);
                MinBootVersion = Number(value, 0, 65535, lineNumber);
            }
            else if (key == "entry")
            {
                RequireUnset(EntryType != null, key, lineNumber);
                EntryType = Token(value, MaxEntryChars, lineNumber);
            }
            else if (key == "file")
            {
                string[] parts = value.Split(' ');
                if (parts.Length != 3)
                {
                    throw Bad(lineNumber, "expected 'file <name> <size> <sha256>'");
                }

                string name = Token(parts[0], MaxNameChars, lineNumber);
                if (name.IndexOf('/') >= 0 || name.IndexOf('\\') >= 0)
                {
                    throw Bad(lineNumber, "a file name has no path");
                }

                int size = Number(parts[1], 1, 0x7FFFFFFF, lineNumber);
                byte[] hash = Hex.Parse(parts[2]);
                if (hash == null || hash.Length != 32)
                {
                    throw Bad(lineNumber, "SHA-256 must be 64 lowercase hex digits");
                }

                try
                {
                    AddFile(new BundleEntry(name, size, hash));
                }
                catch (BundleException e)
                {
                    throw Bad(lineNumber, e.Message);
                }
            }
            else
            {
                throw Bad(lineNumber, "unknown key '" + key + "'");
            }
        }

        private void RequireComplete()
        {
            if (FormatVersion < 0 || FirmwareVersion == null || Board == null || MinBootVersion < 0 || EntryType == null)
            {
                throw new BundleException(BundleError.BadManifest, "format, version, board, min-boot and entry are all required");
            }

            if (_entries.Count == 0)
            {
                throw new BundleException(BundleError.BadManifest, "no file listed");
            }
        }

        private static void RequireUnset(bool alreadySet, string key, int lineNumber)
        {
            if (alreadySet)
            {
                throw Bad(lineNumber, "'" + key + "' given twice");
            }
        }

        private static string Token(string value, int maxChars, int lineNumber)
        {
            if (value.Length == 0 || value.Length > maxChars)
            {
                throw Bad(lineNumber, "value must be 1 to " + maxChars + " characters");
            }

            char[] chars = value.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] <= ' ')
                {
                    throw Bad(lineNumber, "value must not contain spaces");
                }
            }

            return value;
        }

        private static int Number(string value, int min, int max, int lineNumber)
        {
            if (value.Length == 0 || value.Length > 10)
            {
                throw Bad(lineNumber, "expected a number");
            }

            long result = 0;
            char[] chars = value.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] < '0' || chars[i] > '9')
                {
                    throw Bad(lineNumber, "expected a number, got '" + value + "'");
                }

                result = (result * 10) + (chars[i] - '0');
            }

            if (result < min || result > max)
            {
                throw Bad(lineNumber, "number " + value + " outside " + min + ".." + max);
            }

            return (int)result;
        }

        private static BundleException Bad(int lineNumber, string what)
        {
            return new BundleException(BundleError.BadManifest, "manifest line " + lineNumber + ": " + what);
        }
    }
}
