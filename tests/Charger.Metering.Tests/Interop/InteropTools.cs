using Charger.Sim.Models.Serial;

namespace Charger.Metering.Tests.Interop;

/// <summary>Finds the peers the interop tests need and says exactly what to install when one is missing.</summary>
public static class InteropTools
{
    public static string ModbusPeerDirectory
    {
        get
        {
            var dir = new System.IO.DirectoryInfo(System.AppContext.BaseDirectory);
            while (dir != null)
            {
                string candidate = System.IO.Path.Combine(dir.FullName, "tests", "interop", "modbus");
                if (System.IO.File.Exists(System.IO.Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }

                dir = dir.Parent;
            }

            return null;
        }
    }

    /// <summary>Null when everything named is present, else the reason to skip with the install command.</summary>
    public static string Missing(bool socat, bool mbpoll, bool modbusSerial)
    {
        var missing = new System.Collections.Generic.List<string>();
        if (socat && SocatPtyPair.FindSocat() == null)
        {
            missing.Add("socat (apt-get install -y socat)");
        }

        if (mbpoll && SocatPtyPair.FindOnPath("mbpoll") == null)
        {
            missing.Add("mbpoll (apt-get install -y mbpoll)");
        }

        if (modbusSerial)
        {
            if (SocatPtyPair.FindOnPath("node") == null)
            {
                missing.Add("Node.js 18+ (node)");
            }

            string dir = ModbusPeerDirectory;
            if (dir == null || !System.IO.Directory.Exists(System.IO.Path.Combine(dir, "node_modules", "modbus-serial")))
            {
                missing.Add("npm package modbus-serial (npm install --no-package-lock in tests/interop/modbus)");
            }
        }

        return missing.Count == 0 ? null : "interop peer missing: " + string.Join(", ", missing);
    }
}
