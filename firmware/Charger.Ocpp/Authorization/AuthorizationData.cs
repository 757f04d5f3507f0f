namespace Charger.Ocpp.Authorization
{
    /// <summary>One item of SendLocalListRequest.localAuthorizationList; Info null means "remove" in a Differential update.</summary>
    public sealed class AuthorizationData
    {
        public IdToken Token;
        public IdTokenInfo Info;

        public AuthorizationData(IdToken token, IdTokenInfo info)
        {
            Token = token;
            Info = info;
        }
    }
}
