using Charger.Crypto;

namespace Charger.Ota.Bundle
{
    /// <summary>Builds bundles in the layout <see cref="BundleReader"/> reads (the desktop tool, tests, the simulator).</summary>
    public static class BundleWriter
    {
        /// <summary>
        /// A bundle of <paramref name="files"/> (in load order) described by <paramref name="manifest"/>,
        /// whose file list must be empty: names come from <paramref name="names"/>, sizes and SHA-256 from the bytes.
        /// </summary>
        public static byte[] Build(BundleManifest manifest, string[] names, byte[][] files)
        {
            if (manifest.FileCount != 0 || names.Length != files.Length)
            {
                throw new System.ArgumentException("an empty manifest and one name per file");
            }

            Sha256 hash = new Sha256();
            for (int i = 0; i < files.Length; i++)
            {
                hash.Update(files[i], 0, files[i].Length);
                manifest.AddFile(new BundleEntry(names[i], files[i].Length, hash.Final()));
            }

            byte[] manifestBytes = manifest.ToBytes();
            long payload = manifest.PayloadBytes;
            byte[] bundle = new byte[BundleReader.HeaderBytes + manifestBytes.Length + (int)payload];
            WriteHeader(bundle, manifestBytes.Length, payload, 0);
            System.Array.Copy(manifestBytes, 0, bundle, BundleReader.HeaderBytes, manifestBytes.Length);
            int at = BundleReader.HeaderBytes + manifestBytes.Length;
            for (int i = 0; i < files.Length; i++)
            {
                System.Array.Copy(files[i], 0, bundle, at, files[i].Length);
                at += files[i].Length;
            }

            return bundle;
        }

        /// <summary>The same bundle with its signature block replaced by <paramref name="signature"/> and <paramref name="certificatePem"/>.</summary>
        public static byte[] WithSignature(byte[] bundle, byte[] signature, string certificatePem)
        {
            BundleReader reader = BundleReader.Open(new ByteArrayBundleSource(bundle));
            char[] pem = certificatePem.ToCharArray();
            int unsignedBytes = (int)reader.SignatureBlockOffset;
            int blockBytes = 8 + signature.Length + pem.Length;
            byte[] signed = new byte[unsignedBytes + blockBytes];
            System.Array.Copy(bundle, signed, unsignedBytes);
            WriteHeader(signed, reader.ManifestBytes, reader.SignatureBlockOffset - reader.PayloadOffset, blockBytes);
            LittleEndian.PutUInt32(signed, unsignedBytes, (uint)signature.Length);
            System.Array.Copy(signature, 0, signed, unsignedBytes + 4, signature.Length);
            LittleEndian.PutUInt32(signed, unsignedBytes + 4 + signature.Length, (uint)pem.Length);
            for (int i = 0; i < pem.Length; i++)
            {
                signed[unsignedBytes + 8 + signature.Length + i] = (byte)pem[i];
            }

            return signed;
        }

        private static void WriteHeader(byte[] bundle, int manifestBytes, long payloadBytes, int signatureBlockBytes)
        {
            bundle[0] = (byte)'C';
            bundle[1] = (byte)'F';
            bundle[2] = (byte)'W';
            bundle[3] = (byte)'B';
            LittleEndian.PutUInt16(bundle, 4, BundleReader.FormatVersion);
            LittleEndian.PutUInt16(bundle, 6, BundleReader.HeaderBytes);
            LittleEndian.PutUInt32(bundle, 8, (uint)manifestBytes);
            LittleEndian.PutUInt32(bundle, 12, (uint)payloadBytes);
            LittleEndian.PutUInt32(bundle, 16, (uint)signatureBlockBytes);
        }
    }
}
