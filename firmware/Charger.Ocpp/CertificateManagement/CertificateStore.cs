using Charger.Crypto;
using Charger.Hal;
using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.CertificateManagement
{
    /// <summary>
    /// The station's root certificates (M03-M05): CSMS, manufacturer, V2G and MO roots. Each
    /// certificate is one record (<c>cert-NN</c>, checksummed) written with one atomic write, so a
    /// power cut leaves the store with or without that certificate, never a broken one. Bounded
    /// by its capacity (SecurityCtrlr.CertificateEntries maxLimit) and by the size of one
    /// certificate. OTA (ManufacturerRootCertificate) and TLS (CSMSRootCertificate) ask it for
    /// <see cref="TrustedRoots"/>.
    /// </summary>
    public sealed class CertificateStore
    {
        /// <summary>Certificates the store holds at most (about 12 x 2 KB of flash).</summary>
        public const int DefaultCapacity = 12;

        /// <summary>Largest certificate accepted: 5500 PEM characters (the schema's bound) decode to at most 4100 bytes.</summary>
        public const int MaxCertificateBytes = 4100;

        /// <summary>CertificateHashDataType.serialNumber holds at most 40 characters (a 20-byte serial, RFC 5280 4.1.2.2).</summary>
        private const int MaxSerialHexLength = 40;

        private const string RecordPrefix = "cert-";
        private const byte RecordKind = 0x58;
        private const byte FormatVersion = 1;
        private const string Component = "ocpp.certificates";

        private readonly IFileStore _store;
        private readonly ILog _log;
        private readonly InstalledCertificate[] _slots;

        public CertificateStore(IFileStore store, ILog log, int capacity)
        {
            _store = store;
            _log = log;
            _slots = new InstalledCertificate[capacity < 1 ? 1 : capacity];
        }

        public int Capacity => _slots.Length;

        public int Count
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _slots.Length; i++)
                {
                    if (_slots[i] != null)
                    {
                        n++;
                    }
                }

                return n;
            }
        }

        /// <summary>Reads every certificate record; a damaged one is logged and removed so its slot can be used again.</summary>
        public void Load()
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i] = null;
            }

            string[] names = _store.List(RecordPrefix);
            for (int n = 0; n < names.Length; n++)
            {
                string name = names[n];
                int slot = SlotOf(name);
                if (slot < 0 || slot >= _slots.Length)
                {
                    _log.Write(LogLevel.Warning, Component, "record " + name + " is outside the store's " + _slots.Length.ToString() + " slots; left in place, not used");
                    continue;
                }

                try
                {
                    StoreRecordReader reader = new StoreRecordReader(name, _store.Read(name), RecordKind, FormatVersion);
                    int useByte = reader.ReadByte();
                    if (useByte > (int)CertificateUse.ManufacturerRootCertificate)
                    {
                        throw new CorruptRecordException("record " + name + " names certificate use " + useByte.ToString());
                    }

                    CertificateUse use = (CertificateUse)useByte;
                    int length = reader.ReadInt32();
                    if (length <= 0 || length > MaxCertificateBytes)
                    {
                        throw new CorruptRecordException("record " + name + " holds a certificate of " + length.ToString() + " bytes");
                    }

                    byte[] der = new byte[length];
                    for (int i = 0; i < length; i++)
                    {
                        der[i] = reader.ReadByte();
                    }

                    if (!reader.AtEnd)
                    {
                        throw new CorruptRecordException("record " + name + " has bytes after its certificate");
                    }

                    X509Certificate cert = X509Certificate.TryParse(der, out string why);
                    if (cert == null)
                    {
                        throw new CorruptRecordException("record " + name + " holds an unreadable certificate: " + why);
                    }

                    _slots[slot] = new InstalledCertificate(use, cert, name);
                }
                catch (CorruptRecordException e)
                {
                    _log.Write(LogLevel.Error, Component, e.Message + "; removed");
                    _store.Delete(name);
                }
            }
        }

        /// <summary>Every installed certificate of a use, oldest slot first.</summary>
        public InstalledCertificate[] OfUse(CertificateUse use)
        {
            int n = 0;
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] != null && _slots[i].Use == use)
                {
                    n++;
                }
            }

            InstalledCertificate[] r = new InstalledCertificate[n];
            n = 0;
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] != null && _slots[i].Use == use)
                {
                    r[n++] = _slots[i];
                }
            }

            return r;
        }

        /// <summary>The DER of every root of a use: the trustedRoots argument of <see cref="CertificateChain.Verify"/>.</summary>
        public byte[][] TrustedRoots(CertificateUse use)
        {
            InstalledCertificate[] certs = OfUse(use);
            byte[][] r = new byte[certs.Length][];
            for (int i = 0; i < certs.Length; i++)
            {
                r[i] = certs[i].Certificate.Der;
            }

            return r;
        }

        /// <summary>
        /// InstallCertificate (M05): the PEM must hold exactly one certificate that is a
        /// self-signed CA whose signature verifies, valid at <paramref name="nowUnixMs"/> (skipped
        /// when it is negative: the clock is not set yet). Rejected with a reason otherwise;
        /// Failed when the store is full. Installing a certificate already there is Accepted
        /// without a second copy.
        /// </summary>
        public CertificateOperationResult Install(CertificateUse use, string pem, long nowUnixMs)
        {
            if (use == CertificateUse.V2GCertificateChain)
            {
                return Refuse(CertificateOperationStatus.Rejected, "InvalidCertificate", "a V2G certificate chain is not a root certificate");
            }

            byte[][] blocks;
            try
            {
                blocks = Pem.DecodeAll(pem, Pem.CertificateLabel);
            }
            catch (CryptoFormatException e)
            {
                return Refuse(CertificateOperationStatus.Rejected, "InvalidFormat", "PEM unreadable: " + e.Message);
            }

            if (blocks.Length != 1)
            {
                return Refuse(CertificateOperationStatus.Rejected, "InvalidFormat", "expected exactly one PEM CERTIFICATE block, found " + blocks.Length.ToString());
            }

            byte[] der = blocks[0];
            if (der.Length > MaxCertificateBytes)
            {
                return Refuse(CertificateOperationStatus.Rejected, "InvalidFormat", "certificate of " + der.Length.ToString() + " bytes, at most " + MaxCertificateBytes.ToString());
            }

            X509Certificate cert = X509Certificate.TryParse(der, out string why);
            if (cert == null)
            {
                return Refuse(CertificateOperationStatus.Rejected, "InvalidCertificate", "certificate unreadable: " + why);
            }

            if (cert.SerialNumberHex.Length > MaxSerialHexLength)
            {
                return Refuse(CertificateOperationStatus.Rejected, "InvalidCertificate", "serial number longer than 20 bytes");
            }

            if (!cert.IsSelfIssued || !cert.IsSignedBy(cert.PublicKey))
            {
                return Refuse(CertificateOperationStatus.Rejected, "InvalidCertificate", "not a self-signed root: " + cert.Subject.ToString());
            }

            if (!cert.HasBasicConstraints || !cert.IsCa || (cert.HasKeyUsage && (cert.KeyUsage & KeyUsageBits.KeyCertSign) == 0))
            {
                return Refuse(CertificateOperationStatus.Rejected, "InvalidCertificate", "not a CA certificate (basicConstraints cA and keyCertSign needed): " + cert.Subject.ToString());
            }

            if (nowUnixMs >= 0 && !cert.IsValidAt(nowUnixMs))
            {
                return Refuse(CertificateOperationStatus.Rejected, nowUnixMs > cert.NotAfterMs ? "CertificateExpired" : "NotYetValid",
                    "certificate " + cert.Subject.ToString() + " is not valid now");
            }

            int free = -1;
            for (int i = 0; i < _slots.Length; i++)
            {
                InstalledCertificate c = _slots[i];
                if (c == null)
                {
                    if (free < 0)
                    {
                        free = i;
                    }
                }
                else if (c.Use == use && Oids.Equal(c.Certificate.Der, der))
                {
                    _log.Write(LogLevel.Info, Component, CertificateUseText.Of(use) + " " + cert.Subject.ToString() + " is already installed");
                    return new CertificateOperationResult(CertificateOperationStatus.Accepted, null, null);
                }
            }

            if (free < 0)
            {
                return Refuse(CertificateOperationStatus.Failed, "OutOfStorage", "certificate store full (" + _slots.Length.ToString() + " certificates)");
            }

            string name = NameOf(free);
            StoreRecordWriter writer = new StoreRecordWriter(RecordKind, FormatVersion, der.Length + 16);
            writer.WriteByte((byte)use);
            writer.WriteInt32(der.Length);
            for (int i = 0; i < der.Length; i++)
            {
                writer.WriteByte(der[i]);
            }

            byte[] record = writer.Finish();
            _store.WriteAtomic(name, record, writer.Length);
            _slots[free] = new InstalledCertificate(use, cert, name);
            _log.Write(LogLevel.Info, Component, "installed " + CertificateUseText.Of(use) + " " + cert.Subject.ToString() + " serial " + cert.SerialNumberHex);
            return new CertificateOperationResult(CertificateOperationStatus.Accepted, null, null);
        }

        /// <summary>
        /// DeleteCertificate (M04): removes every installed certificate the hash data names.
        /// NotFound when none does; Failed when it would remove the last CSMSRootCertificate
        /// (without one a TLS station can no longer reach its CSMS).
        /// </summary>
        public CertificateOperationResult Delete(CertificateHashData data)
        {
            bool[] match = new bool[_slots.Length];
            int matches = 0;
            int csmsRootsLeft = 0;
            for (int i = 0; i < _slots.Length; i++)
            {
                InstalledCertificate c = _slots[i];
                if (c == null)
                {
                    continue;
                }

                CertificateHashData mine = c.HashData(data.HashAlgorithm);
                match[i] = mine != null && mine.Matches(data);
                if (match[i])
                {
                    matches++;
                }
                else if (c.Use == CertificateUse.CSMSRootCertificate)
                {
                    csmsRootsLeft++;
                }
            }

            if (matches == 0)
            {
                return Refuse(CertificateOperationStatus.NotFound, "NotFound", "no installed certificate has serial " + data.SerialNumber + " from that issuer");
            }

            for (int i = 0; i < _slots.Length; i++)
            {
                if (match[i] && _slots[i].Use == CertificateUse.CSMSRootCertificate && csmsRootsLeft == 0)
                {
                    return Refuse(CertificateOperationStatus.Failed, "LastCsmsRoot", "refused: it is the last CSMSRootCertificate");
                }
            }

            for (int i = 0; i < _slots.Length; i++)
            {
                if (match[i])
                {
                    _store.Delete(_slots[i].RecordName);
                    _log.Write(LogLevel.Info, Component, "deleted " + CertificateUseText.Of(_slots[i].Use) + " " + _slots[i].Certificate.Subject.ToString());
                    _slots[i] = null;
                }
            }

            return new CertificateOperationResult(CertificateOperationStatus.Accepted, null, null);
        }

        private CertificateOperationResult Refuse(CertificateOperationStatus status, string reasonCode, string detail)
        {
            _log.Write(LogLevel.Warning, Component, CertificateOperationStatusText.Of(status) + ": " + detail);
            return new CertificateOperationResult(status, reasonCode, detail);
        }

        private static string NameOf(int slot)
        {
            return RecordPrefix + (slot < 10 ? "0" : string.Empty) + slot.ToString();
        }

        private static int SlotOf(string name)
        {
            if (name.Length != RecordPrefix.Length + 2)
            {
                return -1;
            }

            char[] c = name.ToCharArray();
            int hi = c[RecordPrefix.Length] - '0';
            int lo = c[RecordPrefix.Length + 1] - '0';
            return hi < 0 || hi > 9 || lo < 0 || lo > 9 ? -1 : hi * 10 + lo;
        }
    }
}
