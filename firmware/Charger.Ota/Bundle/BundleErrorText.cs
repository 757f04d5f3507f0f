namespace Charger.Ota.Bundle
{
    /// <summary>Names for <see cref="BundleError"/> (enums print as numbers on nanoFramework 1.x).</summary>
    public static class BundleErrorText
    {
        public static string Of(BundleError error)
        {
            return error switch
            {
                BundleError.None => "None",
                BundleError.Truncated => "Truncated",
                BundleError.BadMagic => "BadMagic",
                BundleError.UnsupportedFormat => "UnsupportedFormat",
                BundleError.BadLayout => "BadLayout",
                BundleError.BadManifest => "BadManifest",
                BundleError.SizeMismatch => "SizeMismatch",
                BundleError.HashMismatch => "HashMismatch",
                BundleError.WrongBoard => "WrongBoard",
                BundleError.BootTooOld => "BootTooOld",
                BundleError.BadSignatureBlock => "BadSignatureBlock",
                BundleError.SignatureRejected => "SignatureRejected",
                _ => "?" + (int)error,
            };
        }
    }
}
