using Charger.Ocpp.Json;
using JsonTokenType = Charger.Ocpp.Json.JsonTokenType;

namespace Charger.Ocpp.Tests.Json;

public class JsonReaderSkipTests
{
    [Fact]
    public void SkipValueJumpsOverAWholeNestedValue()
    {
        var r = new JsonReader();
        r.Start("{\"skip\":{\"a\":[1,{\"b\":2}],\"c\":3},\"keep\":\"yes\"}");
        Assert.Equal(JsonTokenType.StartObject, r.Read());
        Assert.Equal(JsonTokenType.PropertyName, r.Read());
        Assert.Equal(JsonTokenType.StartObject, r.Read());
        r.SkipValue();
        Assert.Equal(JsonTokenType.PropertyName, r.Read());
        Assert.Equal("keep", r.Value);
        Assert.Equal(JsonTokenType.String, r.Read());
        Assert.Equal("yes", r.Value);
        Assert.Equal(JsonTokenType.EndObject, r.Read());
        Assert.Equal(JsonTokenType.EndOfInput, r.Read());
    }
}
