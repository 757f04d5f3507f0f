namespace Charger.Ota.Bundle
{
    /// <summary>Why a bundle was refused; each has its own code so a technician and the CSMS can tell them apart.</summary>
    public enum BundleError
    {
        None = 0,

        /// <summary>The file ends before the header, the manifest, a file or the signature block it announces.</summary>
        Truncated = 1,

        /// <summary>The first four bytes are not the bundle magic "CFWB".</summary>
        BadMagic = 2,

        /// <summary>A format version this reader does not know.</summary>
        UnsupportedFormat = 3,

        /// <summary>Header lengths that do not add up to the file's length, or are out of bounds.</summary>
        BadLayout = 4,

        /// <summary>The manifest text breaks its grammar (unknown or missing line, bad number, bad name, bad hash).</summary>
        BadManifest = 5,

        /// <summary>The files' sizes in the manifest do not add up to the payload length.</summary>
        SizeMismatch = 6,

        /// <summary>A file's SHA-256 differs from the manifest's.</summary>
        HashMismatch = 7,

        /// <summary>The bundle was built for another board.</summary>
        WrongBoard = 8,

        /// <summary>The bundle needs a newer boot assembly than the one on the station.</summary>
        BootTooOld = 9,

        /// <summary>The signature block is empty (an unsigned bundle) or malformed.</summary>
        BadSignatureBlock = 10,

        /// <summary>The signature check refused the bundle.</summary>
        SignatureRejected = 11,
    }
}
