using System;
using Charger.Ocpp.Authorization;

namespace Charger.Ocpp.Tests.Authorization;

public class IdTokenTests
{
    [Theory]
    [InlineData("Central", IdTokenType.Central)]
    [InlineData("eMAID", IdTokenType.eMAID)]
    [InlineData("ISO14443", IdTokenType.ISO14443)]
    [InlineData("ISO15693", IdTokenType.ISO15693)]
    [InlineData("KeyCode", IdTokenType.KeyCode)]
    [InlineData("Local", IdTokenType.Local)]
    [InlineData("MacAddress", IdTokenType.MacAddress)]
    [InlineData("NoAuthorization", IdTokenType.NoAuthorization)]
    public void EveryIdTokenTypeOfOcpp201ParsesAndPrintsAsOnTheWire(string wire, IdTokenType type)
    {
        Assert.Equal(type, IdToken.ParseType(wire));
        Assert.Equal(wire, IdToken.TypeName(type));
    }

    [Fact]
    public void AnUnknownTypeNameIsRefused()
    {
        Assert.Throws<ArgumentException>(() => IdToken.ParseType("iso14443"));
    }

    [Fact]
    public void ValuesCompareIgnoringAsciiCaseAndNeverAcrossTypes()
    {
        var a = new IdToken("aBc-9", IdTokenType.KeyCode);
        Assert.True(a.SameAs(new IdToken("ABC-9", IdTokenType.KeyCode)));
        Assert.False(a.SameAs(new IdToken("ABC-9", IdTokenType.Local)));
        Assert.False(a.SameAs(null));
        Assert.Equal(new IdToken("ABC-9", IdTokenType.KeyCode).Key, a.Key);
    }

    [Fact]
    public void AValueLongerThan36CharactersIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new IdToken(new string('A', 37), IdTokenType.eMAID));
        Assert.Equal(36, new IdToken(new string('A', 36), IdTokenType.eMAID).Value.Length);
    }
}
