using Charger.Crypto;

namespace Charger.Ocpp.Security
{
    /// <summary>
    /// A station certificate chain with its private key, stored as one text record: the SEC 1 key
    /// PEM followed by the chain's PEM (leaf first). One atomic write keeps key and certificate
    /// together across power cuts.
    /// </summary>
    public sealed class StationCredential
    {
        public StationCredential(string keyPem, string chainPem, X509Certificate leaf)
        {
            KeyPem = keyPem;
            ChainPem = chainPem;
            Leaf = leaf;
        }

        public string KeyPem { get; private set; }

        public string ChainPem { get; private set; }

        public X509Certificate Leaf { get; private set; }

        /// <summary>The record's text.</summary>
        public string Text
        {
            get { return KeyPem + ChainPem; }
        }

        /// <summary>Reads a record; null with a reason when key or leaf is unreadable or they do not belong together.</summary>
        public static StationCredential Parse(string text, out string reason)
        {
            int chainAt = text.IndexOf("-----BEGIN CERTIFICATE-----");
            if (chainAt <= 0)
            {
                reason = "no key followed by a certificate";
                return null;
            }

            string keyPem = text.Substring(0, chainAt);
            string chainPem = text.Substring(chainAt);
            try
            {
                // Written by this station: the stored public point is taken as is (no scalar multiplication at boot).
                EcPrivateKey key = EcPrivateKey.FromPem(keyPem, false);
                X509Certificate leaf = X509Certificate.Parse(Pem.DecodeCertificate(chainPem));
                if (!key.Matches(leaf.PublicKey))
                {
                    reason = "the key does not belong to the certificate";
                    return null;
                }

                reason = null;
                return new StationCredential(keyPem, chainPem, leaf);
            }
            catch (CryptoFormatException e)
            {
                reason = e.Message;
                return null;
            }
        }
    }
}
