using Charger.Crypto;

namespace Charger.Ota.Bundle
{
    /// <summary>
    /// Reads and checks a bundle from any <see cref="IBundleSource"/>, streaming: the header and the
    /// manifest are held (at most <see cref="MaxManifestBytes"/>), files are hashed through a small
    /// buffer, and only <see cref="ReadFile"/> (what Assembly.Load needs) makes a whole copy of one
    /// file. Layout, little-endian:
    /// <code>
    ///  0  "CFWB"            magic
    ///  4  u16 format         1
    ///  6  u16 header bytes   20
    ///  8  u32 manifest bytes
    /// 12  u32 payload bytes  the files, back to back in manifest order
    /// 16  u32 signature-block bytes (0 = unsigned)
    /// 20  manifest, payload, then the signature block:
    ///     u32 signature bytes, signature, u32 certificate bytes, signing certificate (PEM)
    /// </code>
    /// The optional signature block is kept readable for bundles signed before the signature moved to
    /// the whole file (README, "Secure firmware update"); tools/BundleTool no longer writes it, and the
    /// station decides with the UpdateFirmware request's signature over the whole file.
    /// The lengths must add up to the source's length exactly. Every refusal is a
    /// <see cref="BundleException"/> with its own <see cref="BundleError"/>.
    /// </summary>
    public sealed class BundleReader
    {
        public const int HeaderBytes = 20;
        public const int FormatVersion = 1;
        public const int MaxManifestBytes = 8192;
        public const int MaxSignatureBytes = 1024;
        public const int MaxCertificateBytes = 8192;
        private const int StreamBufferBytes = 1024;

        private readonly IBundleSource _source;
        private BundleManifest _manifest;
        private byte[] _manifestDigest;
        private long _payloadBytes;
        private long _signatureBlockBytes;

        private BundleReader(IBundleSource source)
        {
            _source = source;
        }

        public BundleManifest Manifest
        {
            get { return _manifest; }
        }

        /// <summary>SHA-256 of the manifest bytes (what a lab allow-list knows a bundle by; the OCPP signature is over the whole file).</summary>
        public byte[] ManifestDigest
        {
            get { return _manifestDigest; }
        }

        public long PayloadOffset
        {
            get { return HeaderBytes + ManifestBytes; }
        }

        public int ManifestBytes { get; private set; }

        public long SignatureBlockOffset
        {
            get { return PayloadOffset + _payloadBytes; }
        }

        public long SignatureBlockBytes
        {
            get { return _signatureBlockBytes; }
        }

        /// <summary>Reads the header and the manifest and checks that the layout adds up.</summary>
        public static BundleReader Open(IBundleSource source)
        {
            BundleReader reader = new BundleReader(source);
            reader.ReadLayout();
            return reader;
        }

        /// <summary>
        /// Everything a station checks before it accepts a bundle, cheapest first: layout, board,
        /// boot version, signature, then every file's size and SHA-256.
        /// </summary>
        public static BundleReader OpenAndVerify(IBundleSource source, string board, int bootVersion, IBundleSignatureCheck signatureCheck)
        {
            BundleReader reader = Open(source);
            reader.CheckTarget(board, bootVersion);
            reader.CheckSignature(signatureCheck);
            reader.VerifyFiles();
            return reader;
        }

        public void CheckTarget(string board, int bootVersion)
        {
            if (_manifest.Board != board)
            {
                throw new BundleException(BundleError.WrongBoard, "bundle is for " + _manifest.Board + ", this station is " + board);
            }

            if (_manifest.MinBootVersion > bootVersion)
            {
                throw new BundleException(BundleError.BootTooOld, "bundle needs boot assembly " + _manifest.MinBootVersion
                    + " or newer, this station has " + bootVersion);
            }
        }

        public void CheckSignature(IBundleSignatureCheck check)
        {
            byte[] signature = null;
            string certificate = null;
            if (_signatureBlockBytes > 0)
            {
                byte[] block = new byte[(int)_signatureBlockBytes];
                ReadExactly(SignatureBlockOffset, block, block.Length, "signature block");
                uint signatureBytes = LittleEndian.UInt32(block, 0);
                if (signatureBytes == 0 || signatureBytes > MaxSignatureBytes || 8 + signatureBytes > block.Length)
                {
                    throw new BundleException(BundleError.BadSignatureBlock, "signature length " + signatureBytes + " does not fit the block");
                }

                uint certificateBytes = LittleEndian.UInt32(block, 4 + (int)signatureBytes);
                if (certificateBytes == 0 || certificateBytes > MaxCertificateBytes || 8 + signatureBytes + certificateBytes != block.Length)
                {
                    throw new BundleException(BundleError.BadSignatureBlock, "certificate length " + certificateBytes
                        + " does not add up to the block's " + block.Length + " bytes");
                }

                signature = new byte[signatureBytes];
                System.Array.Copy(block, 4, signature, 0, (int)signatureBytes);
                char[] pem = new char[certificateBytes];
                for (int i = 0; i < pem.Length; i++)
                {
                    byte b = block[8 + (int)signatureBytes + i];
                    if (b > 0x7E || (b < 0x20 && b != '\n' && b != '\r'))
                    {
                        throw new BundleException(BundleError.BadSignatureBlock, "the certificate is not PEM text");
                    }

                    pem[i] = (char)b;
                }

                certificate = new string(pem);
            }

            SignatureVerdict verdict = check.Check(_source, _manifestDigest, signature, certificate);
            if (verdict == null || !verdict.Accepted)
            {
                throw new BundleException(BundleError.SignatureRejected, verdict == null ? "no verdict" : verdict.Reason);
            }
        }

        /// <summary>
        /// SHA-256 of every byte of <paramref name="source"/>, read in small chunks (a slot written
        /// across reboots is read back, never held whole): what an OCPP firmware signature signs.
        /// </summary>
        public static byte[] FileSha256(IBundleSource source)
        {
            Sha256 hash = new Sha256();
            byte[] buffer = new byte[StreamBufferBytes];
            long position = 0;
            long length = source.Length;
            while (position < length)
            {
                long left = length - position;
                int want = left < buffer.Length ? (int)left : buffer.Length;
                int n = source.Read(position, buffer, 0, want);
                if (n <= 0)
                {
                    throw new BundleException(BundleError.Truncated, "the file ends at byte " + position + " of " + length);
                }

                hash.Update(buffer, 0, n);
                position += n;
            }

            return hash.Final();
        }

        /// <summary>Hashes every file through a small buffer and compares it with the manifest.</summary>
        public void VerifyFiles()
        {
            Sha256 hash = new Sha256();
            byte[] buffer = new byte[StreamBufferBytes];
            for (int i = 0; i < _manifest.FileCount; i++)
            {
                BundleEntry entry = _manifest.File(i);
                long position = PayloadOffset + entry.PayloadOffset;
                int left = entry.SizeBytes;
                while (left > 0)
                {
                    int want = left < buffer.Length ? left : buffer.Length;
                    ReadExactly(position, buffer, want, entry.Name);
                    hash.Update(buffer, 0, want);
                    position += want;
                    left -= want;
                }

                RequireDigest(entry, hash.Final());
            }
        }

        /// <summary>The whole file, checked against its size and SHA-256 again (the bytes that get loaded are the bytes that were checked).</summary>
        public byte[] ReadFile(int index)
        {
            BundleEntry entry = _manifest.File(index);
            byte[] file = new byte[entry.SizeBytes];
            ReadExactly(PayloadOffset + entry.PayloadOffset, file, file.Length, entry.Name);
            Sha256 hash = new Sha256();
            hash.Update(file, 0, file.Length);
            RequireDigest(entry, hash.Final());
            return file;
        }

        private void ReadLayout()
        {
            byte[] header = new byte[HeaderBytes];
            int got = ReadUpTo(0, header, HeaderBytes);
            if (got >= 4 && (header[0] != 'C' || header[1] != 'F' || header[2] != 'W' || header[3] != 'B'))
            {
                throw new BundleException(BundleError.BadMagic, "not a firmware bundle (no CFWB magic)");
            }

            if (got < HeaderBytes)
            {
                throw new BundleException(BundleError.Truncated, "the file has " + _source.Length + " bytes, less than the " + HeaderBytes + "-byte header");
            }

            int format = LittleEndian.UInt16(header, 4);
            if (format != FormatVersion)
            {
                throw new BundleException(BundleError.UnsupportedFormat, "format " + format + ", this reader knows " + FormatVersion);
            }

            if (LittleEndian.UInt16(header, 6) != HeaderBytes)
            {
                throw new BundleException(BundleError.BadLayout, "header length " + LittleEndian.UInt16(header, 6) + ", expected " + HeaderBytes);
            }

            uint manifestBytes = LittleEndian.UInt32(header, 8);
            _payloadBytes = LittleEndian.UInt32(header, 12);
            _signatureBlockBytes = LittleEndian.UInt32(header, 16);
            if (manifestBytes == 0 || manifestBytes > MaxManifestBytes)
            {
                throw new BundleException(BundleError.BadLayout, "manifest length " + manifestBytes + " outside 1.." + MaxManifestBytes);
            }

            if (_signatureBlockBytes != 0 && (_signatureBlockBytes < 10 || _signatureBlockBytes > 8 + MaxSignatureBytes + MaxCertificateBytes))
            {
                throw new BundleException(BundleError.BadLayout, "signature block length " + _signatureBlockBytes + " out of bounds");
            }

            ManifestBytes = (int)manifestBytes;
            long expected = HeaderBytes + manifestBytes + _payloadBytes + _signatureBlockBytes;
            if (_source.Length < expected)
            {
                throw new BundleException(BundleError.Truncated, "the header announces " + expected + " bytes, the file has " + _source.Length);
            }

            if (_source.Length > expected)
            {
                throw new BundleException(BundleError.BadLayout, "the file has " + (_source.Length - expected) + " bytes after the announced end");
            }

            byte[] manifestText = new byte[ManifestBytes];
            ReadExactly(HeaderBytes, manifestText, ManifestBytes, "manifest");
            _manifest = BundleManifest.Parse(manifestText, ManifestBytes);
            if (_manifest.FormatVersion != format)
            {
                throw new BundleException(BundleError.BadManifest, "manifest format " + _manifest.FormatVersion + " differs from the header's " + format);
            }

            if (_manifest.PayloadBytes != _payloadBytes)
            {
                throw new BundleException(BundleError.SizeMismatch, "the files add up to " + _manifest.PayloadBytes
                    + " bytes, the payload has " + _payloadBytes);
            }

            Sha256 hash = new Sha256();
            hash.Update(manifestText, 0, ManifestBytes);
            _manifestDigest = hash.Final();
        }

        private static void RequireDigest(BundleEntry entry, byte[] actual)
        {
            for (int i = 0; i < actual.Length; i++)
            {
                if (actual[i] != entry.Sha256[i])
                {
                    throw new BundleException(BundleError.HashMismatch, entry.Name + " has SHA-256 " + Hex.Of(actual)
                        + ", the manifest says " + Hex.Of(entry.Sha256));
                }
            }
        }

        private int ReadUpTo(long position, byte[] buffer, int count)
        {
            int done = 0;
            while (done < count)
            {
                int n = _source.Read(position + done, buffer, done, count - done);
                if (n <= 0)
                {
                    break;
                }

                done += n;
            }

            return done;
        }

        private void ReadExactly(long position, byte[] buffer, int count, string what)
        {
            if (ReadUpTo(position, buffer, count) != count)
            {
                throw new BundleException(BundleError.Truncated, "the " + what + " ends early");
            }
        }
    }
}
