namespace Charger.Crypto
{
    /// <summary>
    /// An ECDSA private key (P-256 or P-384) with its public point, made on the station: the CSMS
    /// gets only the public key inside a certificate signing request (OCPP 2.0.1 A02: the private
    /// key never leaves the station). Stored and handed to the TLS adapter as SEC 1 PEM
    /// ("EC PRIVATE KEY", RFC 5915).
    /// </summary>
    public sealed class EcPrivateKey
    {
        private readonly byte[] _d;

        private EcPrivateKey(EcCurve curve, byte[] d, PublicKey publicKey)
        {
            Curve = curve;
            _d = d;
            PublicKey = publicKey;
        }

        public EcCurve Curve { get; }

        public PublicKey PublicKey { get; }

        /// <summary>The uncompressed public point 04 || X || Y (SEC 1 2.3.3).</summary>
        public byte[] PublicPoint
        {
            get
            {
                int size = Curve.FieldBytes;
                byte[] r = new byte[1 + 2 * size];
                r[0] = 0x04;
                for (int i = 0; i < size; i++)
                {
                    r[1 + i] = PublicKey.X[i];
                    r[1 + size + i] = PublicKey.Y[i];
                }

                return r;
            }
        }

        /// <summary>
        /// The key whose private scalar is <paramref name="candidate"/> (big-endian, exactly the
        /// curve's size), or null when the candidate is not in [1, n-1]. Key generation draws random
        /// candidates until one is accepted (rejection sampling, FIPS 186-4 B.4.2): no modular
        /// reduction, so no bias.
        /// </summary>
        public static EcPrivateKey TryCreate(EcCurve curve, byte[] candidate)
        {
            if (!IsValidScalar(curve, candidate))
            {
                return null;
            }

            uint[] d = BigNat.FromBigEndian(candidate, curve.Limbs);

            byte[] copy = new byte[candidate.Length];
            for (int i = 0; i < copy.Length; i++)
            {
                copy[i] = candidate[i];
            }

            byte[] x;
            byte[] y;
            EcdsaSigner.MultiplyBase(curve, d, out x, out y);
            byte[] point = new byte[1 + 2 * curve.FieldBytes];
            point[0] = 0x04;
            for (int i = 0; i < curve.FieldBytes; i++)
            {
                point[1 + i] = x[i];
                point[1 + curve.FieldBytes + i] = y[i];
            }

            return new EcPrivateKey(curve, copy, PublicKey.FromEcPoint(curve, point));
        }

        /// <summary>True when <paramref name="candidate"/> (big-endian, the curve's size) is in [1, n-1]: a cheap test, no point arithmetic.</summary>
        public static bool IsValidScalar(EcCurve curve, byte[] candidate)
        {
            if (candidate == null || candidate.Length != curve.FieldBytes)
            {
                return false;
            }

            uint[] d = BigNat.FromBigEndian(candidate, curve.Limbs);
            return d != null && !BigNat.IsZero(d) && BigNat.Compare(d, curve.N) < 0;
        }

        /// <summary>The private scalar, big-endian (for signing inside this library only).</summary>
        internal byte[] Scalar => _d;

        /// <summary>SEC 1 ECPrivateKey (RFC 5915): version 1, the scalar, the curve OID and the public point.</summary>
        public byte[] ToDer()
        {
            byte[] curveOid = Curve == EcCurve.P256 ? Oids.P256 : Oids.P384;
            return DerWriter.Sequence(new byte[][]
            {
                DerWriter.SmallInteger(1),
                DerWriter.OctetString(_d),
                DerWriter.Explicit(0, DerWriter.Oid(curveOid)),
                DerWriter.Explicit(1, DerWriter.BitString(PublicPoint)),
            });
        }

        public string ToPem()
        {
            return PemWriter.Encode(PemWriter.EcPrivateKeyLabel, ToDer());
        }

        /// <summary>
        /// Reads back a SEC 1 "EC PRIVATE KEY" PEM as <see cref="ToPem"/> writes it (curve named,
        /// scalar of the curve's size); the public point is recomputed, and when the PEM carries
        /// one it must agree. Anything else throws <see cref="CryptoFormatException"/>.
        /// </summary>
        public static EcPrivateKey FromPem(string pem)
        {
            return FromPem(pem, true);
        }

        /// <summary>
        /// As <see cref="FromPem(string)"/>; with <paramref name="recomputePublicPoint"/> false the
        /// PEM must carry the public point and it is taken as written, which saves a scalar
        /// multiplication (half a second on the host's nanoCLR) for a record the station wrote itself.
        /// </summary>
        public static EcPrivateKey FromPem(string pem, bool recomputePublicPoint)
        {
            byte[][] blocks = Pem.DecodeAll(pem, PemWriter.EcPrivateKeyLabel);
            if (blocks.Length != 1)
            {
                throw new CryptoFormatException("expected exactly one EC PRIVATE KEY block");
            }

            DerReader outer = new DerReader(blocks[0]);
            DerReader seq = outer.ReadSequence();
            outer.ExpectEnd();
            if (seq.ReadSmallInteger() != 1)
            {
                throw new CryptoFormatException("EC private key version must be 1");
            }

            byte[] d = seq.ReadContents(DerReader.TagOctetString);
            DerReader parameters = seq.ReadConstructed(DerWriter.ContextTag(0));
            byte[] oid = parameters.ReadContents(DerReader.TagOid);
            parameters.ExpectEnd();
            EcCurve curve;
            if (Oids.Equal(oid, Oids.P256))
            {
                curve = EcCurve.P256;
            }
            else if (Oids.Equal(oid, Oids.P384))
            {
                curve = EcCurve.P384;
            }
            else
            {
                throw new CryptoFormatException("EC private key on a curve other than P-256 or P-384");
            }

            if (!IsValidScalar(curve, d))
            {
                throw new CryptoFormatException("EC private scalar out of range for " + curve.Name);
            }

            byte[] point = null;
            if (seq.HasMore)
            {
                DerReader pub = seq.ReadConstructed(DerWriter.ContextTag(1));
                point = pub.ReadBitString(true);
                pub.ExpectEnd();
            }

            seq.ExpectEnd();
            if (!recomputePublicPoint)
            {
                if (point == null)
                {
                    throw new CryptoFormatException("EC private key without its public point");
                }

                return new EcPrivateKey(curve, d, PublicKey.FromEcPoint(curve, point));
            }

            EcPrivateKey key = TryCreate(curve, d);
            if (point != null && !Oids.Equal(point, key.PublicPoint))
            {
                throw new CryptoFormatException("EC private key's public point does not belong to its scalar");
            }

            return key;
        }

        /// <summary>True when <paramref name="other"/> is this key's public key.</summary>
        public bool Matches(PublicKey other)
        {
            return other != null && other.Kind == PublicKeyKind.Ec && other.Curve == Curve &&
                Oids.Equal(other.X, PublicKey.X) && Oids.Equal(other.Y, PublicKey.Y);
        }
    }
}
