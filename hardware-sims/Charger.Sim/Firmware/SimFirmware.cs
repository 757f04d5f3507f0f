using System;
using System.Security.Cryptography;
using System.Text;
using Charger.Ota.Bundle;
using Charger.Sim.Simulation;

namespace Charger.Sim.Firmware;

/// <summary>
/// Signed bundles for the simulated board (issue 14, OCPP L01): built for
/// <see cref="SimulatedBoot"/>'s board and entry types, signed over the whole file (OCPP 2.0.1
/// L01.FR.04) as tools/BundleTool and `openssl dgst -sha256 -sign` sign.
/// </summary>
public static class SimFirmware
{
    public const string Board = SimulatedBoot.Board;
    public const int BootVersion = SimulatedBoot.BootVersion;

    /// <summary>The entry type of a working image: the simulator builds the station it links.</summary>
    public const string StationEntry = SimulatedBoot.RunsFirmware;

    /// <summary>The entry type of an image that throws on start (a broken build): it is rolled back.</summary>
    public const string FailingEntry = SimulatedBoot.ThrowsOnStart;

    /// <summary>Bytes a slot holds on the simulated flash.</summary>
    public const long SlotCapacityBytes = SimulatedBoot.SlotCapacityBytes;

    /// <summary>A bundle for the simulated board: manifest plus two stand-in files of <paramref name="payloadBytes"/> in all.</summary>
    public static byte[] BuildBundle(string version, string entry = StationEntry, int payloadBytes = 12_000)
    {
        var manifest = new BundleManifest
        {
            FormatVersion = BundleReader.FormatVersion,
            FirmwareVersion = version,
            Board = Board,
            MinBootVersion = BootVersion,
            EntryType = entry,
        };
        var names = new[] { "Charger.Firmware.pe", "Charger.Device.pe" };
        var files = new byte[2][];
        for (int i = 0; i < files.Length; i++)
        {
            files[i] = new byte[payloadBytes / 2 + i];
            byte[] seed = Encoding.ASCII.GetBytes(version + "/" + names[i]);
            for (int j = 0; j < files[i].Length; j++)
            {
                files[i][j] = (byte)(seed[j % seed.Length] ^ (j * 31));
            }
        }

        return BundleWriter.Build(manifest, names, files);
    }

    /// <summary>The manifest's bytes (what a lab allow-list knows a bundle by).</summary>
    public static byte[] ManifestOf(byte[] bundle)
    {
        int length = BitConverter.ToInt32(bundle, 8);
        return bundle.AsSpan(BundleReader.HeaderBytes, length).ToArray();
    }

    /// <summary>RSASSA-PKCS1-v1_5 over SHA-256 of the entire file, base64: the UpdateFirmware request's signature.</summary>
    public static string Sign(byte[] bundle, string privateKeyPem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        return Convert.ToBase64String(rsa.SignData(bundle, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }
}
