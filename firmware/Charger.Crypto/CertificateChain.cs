namespace Charger.Crypto
{
    /// <summary>
    /// Path validation from a leaf certificate through intermediates to one of a set of trusted
    /// roots (the parts of RFC 5280 section 6.1 a charging station needs): every signature
    /// checked with its issuer's key, every certificate valid at the given time, every issuer a CA
    /// (basicConstraints cA, and keyCertSign when keyUsage is present), path length constraints
    /// honoured, unknown critical extensions refused. Names link by exact DER bytes. No
    /// revocation checking (OCSP/CRL) here.
    /// </summary>
    public static class CertificateChain
    {
        /// <summary>Longest path tried: leaf, up to 6 intermediates, root.</summary>
        public const int MaxDepth = 8;

        /// <summary>
        /// True when the leaf chains to a trusted root at <paramref name="nowMs"/> (ms since 1970 UTC);
        /// otherwise false with a reason a technician can read.
        /// </summary>
        public static bool Verify(byte[] leafDer, byte[][] intermediates, byte[][] trustedRoots, long nowMs, out string reason)
        {
            return VerifyStatus(leafDer, intermediates, trustedRoots, nowMs, out reason) == ChainStatus.Valid;
        }

        /// <summary>As <see cref="Verify"/>, with the kind of failure for callers that map it (OCPP statuses, security events).</summary>
        public static ChainStatus VerifyStatus(byte[] leafDer, byte[][] intermediates, byte[][] trustedRoots, long nowMs, out string reason)
        {
            X509Certificate leaf = X509Certificate.TryParse(leafDer, out string why);
            if (leaf == null)
            {
                reason = "leaf certificate unreadable: " + why;
                return ChainStatus.Malformed;
            }

            X509Certificate[] pool = ParseAll(intermediates);
            X509Certificate[] roots = ParseAll(trustedRoots);
            bool[] used = new bool[pool.Length];

            X509Certificate current = leaf;
            // Issuers (not counting the leaf) already on the path, for pathLenConstraint.
            int issuersBelow = 0;
            ChainStatus status = CheckCertificate(current, nowMs, "leaf", out reason);
            if (status != ChainStatus.Valid)
            {
                return status;
            }

            // A trusted certificate given as the leaf is trusted as it is.
            for (int r = 0; r < roots.Length; r++)
            {
                if (roots[r] != null && Oids.Equal(roots[r].Der, leaf.Der))
                {
                    reason = null;
                    return ChainStatus.Valid;
                }
            }

            for (int depth = 0; depth < MaxDepth; depth++)
            {
                // A trusted root first: the shortest path wins.
                ChainStatus rootStatus = TryIssuers(current, roots, null, nowMs, issuersBelow, "root", out X509Certificate root, out string rootReason);
                if (root != null)
                {
                    reason = null;
                    return ChainStatus.Valid;
                }

                ChainStatus midStatus = TryIssuers(current, pool, used, nowMs, issuersBelow, "intermediate", out X509Certificate issuer, out string midReason);
                if (issuer == null)
                {
                    // Report the most telling failure: one about a named issuer beats "no issuer".
                    if (rootStatus != ChainStatus.UnknownIssuer)
                    {
                        reason = rootReason;
                        return rootStatus;
                    }

                    reason = midStatus != ChainStatus.UnknownIssuer ? midReason : "no trusted root or intermediate issued " + Describe(current);
                    return midStatus;
                }

                current = issuer;
                issuersBelow++;
            }

            reason = "chain longer than " + MaxDepth.ToString() + " certificates";
            return ChainStatus.PathTooLong;
        }

        // Looks for a certificate in candidates named as current's issuer whose key verifies
        // current's signature and that may act as an issuer here. On success issuer is set and
        // used[] marks it; otherwise the status says why the best candidate failed.
        private static ChainStatus TryIssuers(X509Certificate current, X509Certificate[] candidates, bool[] used, long nowMs, int issuersBelow, string role, out X509Certificate issuer, out string reason)
        {
            issuer = null;
            ChainStatus best = ChainStatus.UnknownIssuer;
            reason = null;
            for (int i = 0; i < candidates.Length; i++)
            {
                X509Certificate c = candidates[i];
                if (c == null || (used != null && used[i]) || !c.Subject.SameAs(current.Issuer))
                {
                    continue;
                }

                if (!current.IsSignedBy(c.PublicKey))
                {
                    best = ChainStatus.BadSignature;
                    reason = "signature of " + Describe(current) + " does not verify with the key of " + role + " " + Describe(c);
                    continue;
                }

                ChainStatus status = CheckCertificate(c, nowMs, role, out string why);
                if (status == ChainStatus.Valid)
                {
                    status = CheckIssuer(c, issuersBelow, role, out why);
                }

                if (status != ChainStatus.Valid)
                {
                    best = status;
                    reason = why;
                    continue;
                }

                if (used != null)
                {
                    used[i] = true;
                }

                issuer = c;
                return ChainStatus.Valid;
            }

            return best;
        }

        private static ChainStatus CheckCertificate(X509Certificate c, long nowMs, string role, out string reason)
        {
            reason = null;
            if (nowMs < c.NotBeforeMs)
            {
                reason = role + " " + Describe(c) + " is not valid yet";
                return ChainStatus.NotYetValid;
            }

            if (nowMs > c.NotAfterMs)
            {
                reason = role + " " + Describe(c) + " has expired";
                return ChainStatus.Expired;
            }

            if (c.HasUnknownCriticalExtension)
            {
                reason = role + " " + Describe(c) + " has a critical extension this station does not understand";
                return ChainStatus.UnsupportedCriticalExtension;
            }

            return ChainStatus.Valid;
        }

        private static ChainStatus CheckIssuer(X509Certificate c, int issuersBelow, string role, out string reason)
        {
            reason = null;
            if (!c.HasBasicConstraints || !c.IsCa)
            {
                reason = role + " " + Describe(c) + " is not a CA (basicConstraints cA missing)";
                return ChainStatus.IssuerNotCa;
            }

            if (c.HasKeyUsage && (c.KeyUsage & KeyUsageBits.KeyCertSign) == 0)
            {
                reason = role + " " + Describe(c) + " may not sign certificates (keyUsage without keyCertSign)";
                return ChainStatus.IssuerNotCa;
            }

            if (c.PathLengthConstraint >= 0 && issuersBelow > c.PathLengthConstraint)
            {
                reason = role + " " + Describe(c) + " allows " + c.PathLengthConstraint.ToString() + " intermediate(s) below it, the chain has " + issuersBelow.ToString();
                return ChainStatus.PathTooLong;
            }

            return ChainStatus.Valid;
        }

        private static X509Certificate[] ParseAll(byte[][] ders)
        {
            if (ders == null)
            {
                return new X509Certificate[0];
            }

            // An unreadable candidate is left out (null): it cannot be an issuer.
            X509Certificate[] r = new X509Certificate[ders.Length];
            for (int i = 0; i < ders.Length; i++)
            {
                r[i] = X509Certificate.TryParse(ders[i], out string _);
            }

            return r;
        }

        private static string Describe(X509Certificate c)
        {
            string name = c.Subject.ToString();
            return "'" + (name.Length > 0 ? name : "(no CN/O)") + "'";
        }
    }
}
