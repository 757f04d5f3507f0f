using Charger.Ocpp.Tests.Support;

namespace Charger.Ocpp.Tests;

/// <summary>The schema oracle itself must catch what it is there to catch.</summary>
public class OfficialSchemasTests
{
    [Theory]
    [InlineData("BootNotificationRequest", "{\"reason\":\"PowerUp\"}")]
    [InlineData("BootNotificationRequest", "{\"reason\":\"Sunrise\",\"chargingStation\":{\"model\":\"m\",\"vendorName\":\"v\"}}")]
    [InlineData("StatusNotificationRequest", "{\"timestamp\":\"yesterday\",\"connectorStatus\":\"Available\",\"evseId\":1,\"connectorId\":1}")]
    [InlineData("HeartbeatRequest", "{\"extra\":1}")]
    public void InvalidPayloadsAreCaught(string schema, string payload)
    {
        Assert.NotEmpty(OfficialSchemas.Validate(schema, payload));
    }

    [Fact]
    public void ValidPayloadPasses()
    {
        Assert.Empty(OfficialSchemas.Validate("BootNotificationRequest", "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"m\",\"vendorName\":\"v\"}}"));
    }
}
