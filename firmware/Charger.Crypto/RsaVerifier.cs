namespace Charger.Crypto
{
    /// <summary>RSASSA-PKCS1-v1_5 and RSASSA-PSS verification (RFC 8017 sections 8.2.2 and 8.1.2).</summary>
    public static class RsaVerifier
    {
        // RFC 8017 section 9.2 note 1: DER of DigestInfo up to the hash, per hash (with the NULL parameters).
        private static readonly byte[] DigestInfoSha256 = BigNat.FromHex("3031300d060960864801650304020105000420");
        private static readonly byte[] DigestInfoSha384 = BigNat.FromHex("3041300d060960864801650304020205000430");
        private static readonly byte[] DigestInfoSha512 = BigNat.FromHex("3051300d060960864801650304020305000440");

        /// <summary>
        /// The RSA verification primitive (RSAVP1 + I2OSP): signature^e mod n as exactly
        /// <paramref name="length"/> bytes, or null when the signature is not k bytes, not below
        /// the modulus, or the result does not fit.
        /// </summary>
        private static byte[] Open(PublicKey key, byte[] signature, int length)
        {
            int k = key.Modulus.Length;
            if (signature == null || signature.Length != k)
            {
                return null;
            }

            int limbs = (k + 3) / 4;
            uint[] n = BigNat.FromBigEndian(key.Modulus, limbs);
            uint[] s = BigNat.FromBigEndian(signature, limbs);
            if (BigNat.Compare(s, n) >= 0)
            {
                return null;
            }

            Montgomery mont = new Montgomery(n);
            uint[] sMont = new uint[limbs];
            mont.ToMont(s, sMont);
            uint[] e = BigNat.FromBigEndian(key.Exponent, (key.Exponent.Length + 3) / 4);
            uint[] mMont = mont.Pow(sMont, e);
            uint[] m = new uint[limbs];
            mont.FromMont(mMont, m);
            byte[] full = BigNat.ToBigEndian(m, k);
            for (int i = 0; i < k - length; i++)
            {
                if (full[i] != 0)
                {
                    return null;
                }
            }

            if (length == k)
            {
                return full;
            }

            byte[] r = new byte[length];
            for (int i = 0; i < length; i++)
            {
                r[i] = full[k - length + i];
            }

            return r;
        }

        /// <summary>RSASSA-PKCS1-v1_5 with the DigestInfo encoding that carries NULL parameters (the only DER form).</summary>
        public static bool VerifyPkcs1(PublicKey key, HashKind hash, byte[] messageHash, byte[] signature)
        {
            byte[] prefix = hash == HashKind.Sha256 ? DigestInfoSha256 : hash == HashKind.Sha384 ? DigestInfoSha384 : hash == HashKind.Sha512 ? DigestInfoSha512 : null;
            if (key == null || key.Kind != PublicKeyKind.Rsa || prefix == null || messageHash == null || messageHash.Length != Digest.Length(hash))
            {
                return false;
            }

            int k = key.Modulus.Length;
            int tLen = prefix.Length + messageHash.Length;
            if (k < tLen + 11)
            {
                return false;
            }

            byte[] em = Open(key, signature, k);
            if (em == null)
            {
                return false;
            }

            // EM = 00 01 FF..FF 00 DigestInfo, compared as a whole (no parsing of what the signer sent).
            int diff = em[0] | (em[1] ^ 0x01);
            int padEnd = k - tLen - 1;
            for (int i = 2; i < padEnd; i++)
            {
                diff |= em[i] ^ 0xFF;
            }

            diff |= em[padEnd];
            for (int i = 0; i < prefix.Length; i++)
            {
                diff |= em[padEnd + 1 + i] ^ prefix[i];
            }

            for (int i = 0; i < messageHash.Length; i++)
            {
                diff |= em[padEnd + 1 + prefix.Length + i] ^ messageHash[i];
            }

            return diff == 0;
        }

        /// <summary>RSASSA-PSS with MGF1 over the same hash and the given salt length in bytes.</summary>
        public static bool VerifyPss(PublicKey key, HashKind hash, int saltLength, byte[] messageHash, byte[] signature)
        {
            int hLen = Digest.Length(hash);
            if (key == null || key.Kind != PublicKeyKind.Rsa || hLen == 0 || messageHash == null || messageHash.Length != hLen || saltLength < 0)
            {
                return false;
            }

            int emBits = key.ModulusBits - 1;
            int emLen = (emBits + 7) / 8;
            if (emLen < hLen + saltLength + 2)
            {
                return false;
            }

            byte[] em = Open(key, signature, emLen);
            if (em == null || em[emLen - 1] != 0xBC)
            {
                return false;
            }

            int dbLen = emLen - hLen - 1;
            int unusedBits = 8 * emLen - emBits;
            byte topMask = (byte)(0xFF >> unusedBits);
            if ((em[0] & ~topMask & 0xFF) != 0)
            {
                return false;
            }

            byte[] h = new byte[hLen];
            for (int i = 0; i < hLen; i++)
            {
                h[i] = em[dbLen + i];
            }

            byte[] db = Mgf1(hash, h, dbLen);
            for (int i = 0; i < dbLen; i++)
            {
                db[i] ^= em[i];
            }

            db[0] &= topMask;
            int psLen = emLen - hLen - saltLength - 2;
            for (int i = 0; i < psLen; i++)
            {
                if (db[i] != 0)
                {
                    return false;
                }
            }

            if (db[psLen] != 0x01)
            {
                return false;
            }

            // M' = 8 zero bytes || mHash || salt
            byte[] mPrime = new byte[8 + hLen + saltLength];
            for (int i = 0; i < hLen; i++)
            {
                mPrime[8 + i] = messageHash[i];
            }

            for (int i = 0; i < saltLength; i++)
            {
                mPrime[8 + hLen + i] = db[dbLen - saltLength + i];
            }

            byte[] hPrime = Digest.Compute(hash, mPrime);
            int diff = 0;
            for (int i = 0; i < hLen; i++)
            {
                diff |= hPrime[i] ^ h[i];
            }

            return diff == 0;
        }

        /// <summary>MGF1 (RFC 8017 B.2.1): the hash of seed || counter, concatenated to the length asked.</summary>
        private static byte[] Mgf1(HashKind hash, byte[] seed, int length)
        {
            int hLen = Digest.Length(hash);
            byte[] mask = new byte[length];
            byte[] input = new byte[seed.Length + 4];
            for (int i = 0; i < seed.Length; i++)
            {
                input[i] = seed[i];
            }

            int counter = 0;
            for (int done = 0; done < length; done += hLen)
            {
                input[seed.Length] = (byte)(counter >> 24);
                input[seed.Length + 1] = (byte)(counter >> 16);
                input[seed.Length + 2] = (byte)(counter >> 8);
                input[seed.Length + 3] = (byte)counter;
                byte[] block = Digest.Compute(hash, input);
                for (int i = 0; i < hLen && done + i < length; i++)
                {
                    mask[done + i] = block[i];
                }

                counter++;
            }

            return mask;
        }
    }
}
