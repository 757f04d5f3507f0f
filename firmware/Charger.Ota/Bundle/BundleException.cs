namespace Charger.Ota.Bundle
{
    /// <summary>A refused bundle: <see cref="Error"/> says which check, the message says what was found.</summary>
    public sealed class BundleException : System.Exception
    {
        public BundleException(BundleError error, string message)
            : base(BundleErrorText.Of(error) + ": " + message)
        {
            Error = error;
        }

        public BundleError Error { get; private set; }
    }
}
