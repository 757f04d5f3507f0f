namespace Charger.Crypto.Tests;

internal static class TestData
{
    /// <summary>shared/testdata/wycheproof beside the checkout (the repository's sibling folder), or CHARGER_WYCHEPROOF_DIR.</summary>
    public static string WycheproofDir
    {
        get
        {
            string? env = Environment.GetEnvironmentVariable("CHARGER_WYCHEPROOF_DIR");
            if (!string.IsNullOrEmpty(env))
            {
                return env;
            }

            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "testdata", "wycheproof");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }

                dir = dir.Parent;
            }

            throw new DirectoryNotFoundException("shared/testdata/wycheproof not found above " + AppContext.BaseDirectory + "; set CHARGER_WYCHEPROOF_DIR");
        }
    }
}
