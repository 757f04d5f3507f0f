using Charger.Ocpp.Authorization;

namespace Charger.Ocpp.Transactions
{
    /// <summary>Told of the CSMS's verdict on a token carried by a TransactionEvent (the authorization service caches it, C10.FR.05).</summary>
    public interface ITokenAnswerListener
    {
        void OnTokenAnswer(IdToken token, IdTokenInfo info, long nowMs);
    }
}
