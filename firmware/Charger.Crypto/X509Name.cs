using System;
using System.Text;

namespace Charger.Crypto
{
    /// <summary>
    /// An X.501 Name (RFC 5280 4.1.2.4): the raw DER (what chains compare and issuerNameHash hashes)
    /// and, for people, the first common name and organisation found in it.
    /// </summary>
    public sealed class X509Name
    {
        private X509Name(byte[] der)
        {
            Der = der;
        }

        /// <summary>The whole Name element as it appears in the certificate (tag and length included).</summary>
        public byte[] Der { get; }

        /// <summary>The first CN attribute's text, or null.</summary>
        public string CommonName { get; private set; }

        /// <summary>The first O attribute's text, or null.</summary>
        public string Organization { get; private set; }

        /// <summary>True when both names have the same DER bytes (the comparison this library uses to link a chain).</summary>
        public bool SameAs(X509Name other)
        {
            return other != null && Oids.Equal(Der, other.Der);
        }

        /// <summary>"CN=..., O=..." with what is present, for logs and the console.</summary>
        public override string ToString()
        {
            string cn = CommonName == null ? string.Empty : "CN=" + CommonName;
            string o = Organization == null ? string.Empty : "O=" + Organization;
            if (cn.Length > 0 && o.Length > 0)
            {
                return cn + ", " + o;
            }

            return cn + o;
        }

        internal static X509Name Read(DerReader reader)
        {
            X509Name name = new X509Name(reader.ReadRaw(DerReader.TagSequence));
            DerReader rdns = new DerReader(name.Der).ReadSequence();
            while (rdns.HasMore)
            {
                DerReader set = rdns.ReadConstructed(DerReader.TagSet);
                if (!set.HasMore)
                {
                    throw new CryptoFormatException("X.509 name has an empty relative distinguished name");
                }

                while (set.HasMore)
                {
                    DerReader atv = set.ReadSequence();
                    byte[] type = atv.ReadContents(DerReader.TagOid);
                    int tag = atv.ReadElement(out int offset, out int length);
                    atv.ExpectEnd();
                    if (Oids.Equal(type, Oids.CommonName) && name.CommonName == null)
                    {
                        name.CommonName = DecodeString(tag, atv.Data, offset, length);
                    }
                    else if (Oids.Equal(type, Oids.Organization) && name.Organization == null)
                    {
                        name.Organization = DecodeString(tag, atv.Data, offset, length);
                    }
                }
            }

            return name;
        }

        private static string DecodeString(int tag, byte[] data, int offset, int length)
        {
            if (tag == DerReader.TagBmpString)
            {
                if ((length & 1) != 0)
                {
                    throw new CryptoFormatException("X.509 BMPString of odd length");
                }

                char[] c = new char[length / 2];
                for (int i = 0; i < c.Length; i++)
                {
                    c[i] = (char)((data[offset + 2 * i] << 8) | data[offset + 2 * i + 1]);
                }

                return new string(c);
            }

            if (tag != DerReader.TagUtf8String && tag != DerReader.TagPrintableString && tag != DerReader.TagIa5String && tag != DerReader.TagT61String)
            {
                throw new CryptoFormatException("X.509 name attribute is not a string");
            }

            try
            {
                return Encoding.UTF8.GetString(data, offset, length);
            }
            catch (Exception)
            {
                // Not UTF-8: the name's bytes still link the chain; only the readable text is lost.
                return "?";
            }
        }
    }
}
