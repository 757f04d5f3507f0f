namespace Charger.Crypto
{
    public enum PublicKeyKind
    {
        None = 0,
        Rsa = 1,
        Ec = 2,
    }
}
