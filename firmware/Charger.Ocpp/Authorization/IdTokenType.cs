namespace Charger.Ocpp.Authorization
{
    /// <summary>IdTokenEnumType of OCPP 2.0.1; the member names are the wire strings.</summary>
    public enum IdTokenType
    {
        Central = 0,
        eMAID = 1,
        ISO14443 = 2,
        ISO15693 = 3,
        KeyCode = 4,
        Local = 5,
        MacAddress = 6,
        NoAuthorization = 7,
    }
}
