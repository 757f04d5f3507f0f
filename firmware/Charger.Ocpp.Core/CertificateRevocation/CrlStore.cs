using Charger.Crypto;
using Charger.Hal;

namespace Charger.Ocpp.CertificateRevocation
{
    /// <summary>
    /// The certificate revocation lists the station holds (X.509 CRLs, RFC 5280 section 5), at most
    /// one per issuer and at most <see cref="Capacity"/> issuers. A CRL is installed only when an
    /// installed CA certificate (a ManufacturerRootCertificate) is named as its issuer, may sign CRLs
    /// and verifies its signature; a newer CRL of the same issuer replaces the older one (a CRL
    /// older than the installed one is refused). Each CRL is one record <c>crl-N</c> (its DER and the
    /// SHA-256 of it) written with one atomic write, so a power cut leaves the old CRL or the new one,
    /// never a mix; a record whose digest does not match at boot is logged and removed.
    /// An expired CRL (nextUpdate passed) is kept and still used: a revoked certificate stays
    /// revoked; its use is logged so the technician knows a newer CRL is due.
    /// </summary>
    public sealed class CrlStore
    {
        /// <summary>Issuers whose CRL the station keeps (a manufacturer root and a few spares).</summary>
        public const int DefaultCapacity = 4;

        /// <summary>Largest CRL accepted, in DER bytes (about 400 revoked certificates).</summary>
        public const int MaxCrlBytes = 16384;

        public const string RecordPrefix = "crl-";
        private const int DigestBytes = 32;
        private const string Component = "ocpp.crl";

        private readonly IFileStore _store;
        private readonly ILog _log;
        private readonly X509Crl[] _slots;

        public CrlStore(IFileStore store, ILog log, int capacity)
        {
            _store = store;
            _log = log;
            _slots = new X509Crl[capacity < 1 ? 1 : capacity];
        }

        public int Capacity
        {
            get { return _slots.Length; }
        }

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

        /// <summary>The CRL in slot <paramref name="index"/> (0 .. Capacity-1), or null.</summary>
        public X509Crl At(int index)
        {
            return _slots[index];
        }

        /// <summary>Reads every CRL record; a damaged one is logged and removed.</summary>
        public void Load()
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i] = null;
                string name = RecordName(i);
                byte[] data = _store.Read(name);
                if (data == null)
                {
                    continue;
                }

                string why = null;
                X509Crl crl = null;
                if (data.Length <= DigestBytes || data.Length > MaxCrlBytes + DigestBytes)
                {
                    why = "record of " + data.Length.ToString() + " bytes";
                }
                else
                {
                    int derBytes = data.Length - DigestBytes;
                    byte[] der = new byte[derBytes];
                    System.Array.Copy(data, der, derBytes);
                    byte[] digest = Digest.Compute(HashKind.Sha256, der, 0, derBytes);
                    for (int b = 0; b < DigestBytes && why == null; b++)
                    {
                        if (digest[b] != data[derBytes + b])
                        {
                            why = "digest does not match its CRL";
                        }
                    }

                    if (why == null)
                    {
                        crl = X509Crl.TryParse(der, out why);
                    }
                }

                if (crl == null)
                {
                    _log.Write(LogLevel.Error, Component, "record " + name + " unreadable (" + why + "); removed");
                    _store.Delete(name);
                    continue;
                }

                _slots[i] = crl;
            }
        }

        /// <summary>
        /// Checks and installs a CRL given as PEM ("X509 CRL") text; <paramref name="issuers"/> are the
        /// DER certificates that may have signed it (the installed ManufacturerRootCertificates).
        /// </summary>
        public CrlInstallResult InstallPem(string pem, byte[][] issuers, long nowUnixMs)
        {
            if (pem == null || pem.Length == 0)
            {
                return CrlInstallResult.Refused("NoCrl", "no CRL text");
            }

            byte[][] blocks;
            try
            {
                blocks = Pem.DecodeAll(pem, X509Crl.PemLabel);
            }
            catch (CryptoFormatException e)
            {
                return CrlInstallResult.Refused("NotPem", "the CRL is not PEM: " + e.Message);
            }

            if (blocks.Length != 1)
            {
                return CrlInstallResult.Refused("NotPem", blocks.Length == 0 ? "no -----BEGIN X509 CRL----- block" : "more than one X509 CRL block");
            }

            return Install(blocks[0], issuers, nowUnixMs);
        }

        /// <summary>Checks and installs a DER CRL (see <see cref="InstallPem"/>).</summary>
        public CrlInstallResult Install(byte[] der, byte[][] issuers, long nowUnixMs)
        {
            if (der == null || der.Length == 0 || der.Length > MaxCrlBytes)
            {
                return CrlInstallResult.Refused("TooLarge", "a CRL of " + (der == null ? 0 : der.Length).ToString() + " bytes (at most "
                    + MaxCrlBytes.ToString() + ")");
            }

            X509Crl crl = X509Crl.TryParse(der, out string why);
            if (crl == null)
            {
                return CrlInstallResult.Refused("Malformed", "the CRL is unreadable: " + why);
            }

            if (crl.FindIssuer(issuers, out why) == null)
            {
                return CrlInstallResult.Refused("UntrustedIssuer", why);
            }

            int free = -1;
            int same = -1;
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] == null)
                {
                    if (free < 0)
                    {
                        free = i;
                    }
                }
                else if (_slots[i].Issuer.SameAs(crl.Issuer))
                {
                    same = i;
                }
            }

            if (same >= 0)
            {
                X509Crl old = _slots[same];
                if (crl.ThisUpdateMs < old.ThisUpdateMs)
                {
                    return CrlInstallResult.Refused("Older", "the installed CRL of " + Describe(crl) + " is newer");
                }

                if (crl.ThisUpdateMs == old.ThisUpdateMs && Oids.Equal(crl.Der, old.Der))
                {
                    return CrlInstallResult.Installed(Summary(crl) + " (already installed)");
                }
            }

            int slot = same >= 0 ? same : free;
            if (slot < 0)
            {
                return CrlInstallResult.Refused("StoreFull", "the station holds CRLs of " + _slots.Length.ToString() + " issuers already");
            }

            byte[] record = new byte[der.Length + DigestBytes];
            System.Array.Copy(der, record, der.Length);
            System.Array.Copy(Digest.Compute(HashKind.Sha256, der, 0, der.Length), 0, record, der.Length, DigestBytes);
            try
            {
                _store.WriteAtomic(RecordName(slot), record, record.Length);
            }
            catch (StorageFullException e)
            {
                return CrlInstallResult.Refused("StorageFull", "the CRL could not be stored: " + e.Message);
            }

            _slots[slot] = crl;
            string summary = Summary(crl);
            if (crl.IsExpiredAt(nowUnixMs))
            {
                _log.Write(LogLevel.Warning, Component, "installed " + summary + ", already past its nextUpdate: used until a newer one comes");
            }
            else
            {
                _log.Write(LogLevel.Info, Component, "installed " + summary);
            }

            return CrlInstallResult.Installed(summary);
        }

        /// <summary>
        /// Why <paramref name="certificate"/> is revoked by an installed CRL of its issuer, or null
        /// when none lists it. A CRL past its nextUpdate still counts, and the log says it is expired.
        /// </summary>
        public string RevocationOf(X509Certificate certificate, long nowUnixMs)
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                X509Crl crl = _slots[i];
                if (crl == null || !crl.Issuer.SameAs(certificate.Issuer))
                {
                    continue;
                }

                if (crl.IsExpiredAt(nowUnixMs))
                {
                    _log.Write(LogLevel.Warning, Component, "the CRL of " + Describe(crl) + " is past its nextUpdate; still used (a revoked certificate stays revoked)");
                }

                if (crl.Lists(certificate))
                {
                    return "certificate serial " + certificate.SerialNumberHex + " of " + Quoted(certificate.Subject.ToString())
                        + " is revoked by the CRL of " + Describe(crl);
                }
            }

            return null;
        }

        /// <summary>One line per installed CRL, for the console.</summary>
        public string[] Describe(long nowUnixMs)
        {
            string[] lines = new string[Count];
            int n = 0;
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] != null)
                {
                    lines[n++] = RecordName(i) + ": " + Summary(_slots[i]) + (_slots[i].IsExpiredAt(nowUnixMs) ? " EXPIRED (still used)" : "");
                }
            }

            return lines;
        }

        private static string Summary(X509Crl crl)
        {
            return "CRL of " + Describe(crl) + ", " + crl.RevokedSerials.Length.ToString() + " revoked, thisUpdate "
                + UtcText(crl.ThisUpdateMs) + ", nextUpdate " + (crl.NextUpdateMs < 0 ? "none" : UtcText(crl.NextUpdateMs));
        }

        private static string Describe(X509Crl crl)
        {
            return Quoted(crl.Issuer.ToString());
        }

        private static string Quoted(string name)
        {
            return "'" + (name.Length > 0 ? name : "(no CN/O)") + "'";
        }

        private static string UtcText(long unixMs)
        {
            // 621355968000000000 ticks of 100 ns lie between 0001-01-01 and 1970-01-01.
            System.DateTime t = new System.DateTime(621355968000000000L + unixMs * 10000);
            return t.Year.ToString() + "-" + Two(t.Month) + "-" + Two(t.Day) + "T" + Two(t.Hour) + ":" + Two(t.Minute) + "Z";
        }

        private static string Two(int v)
        {
            return v < 10 ? "0" + v.ToString() : v.ToString();
        }

        private static string RecordName(int slot)
        {
            return RecordPrefix + slot.ToString();
        }
    }
}
