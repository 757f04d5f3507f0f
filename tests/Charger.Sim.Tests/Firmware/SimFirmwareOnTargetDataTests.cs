using System;
using System.Security.Cryptography;
using Charger.DeviceTests;
using Charger.Sim.Firmware;

namespace Charger.Sim.Tests.Firmware;

/// <summary>The constants the on-target firmware signature tests use are what the simulator's PKI and bundle builder make.</summary>
public class SimFirmwareOnTargetDataTests
{
    [Fact]
    public void TheOnTargetSignatureAndDigestAreTheSimulatorsSignerOverTheSameBundle()
    {
        byte[] bundle = SimFirmware.BuildBundle("0.2.0", SimFirmware.StationEntry, 600);
        Assert.Equal(FirmwareTestData.FileSignature, SimFirmware.Sign(bundle, SimFirmwarePki.SignerKeyPem));
        Assert.Equal(SimFirmwarePki.ManufacturerRootPem.Trim(), FirmwareTestData.ManufacturerRootPem.Trim());
        Assert.Equal(SimFirmwarePki.SignerCertificatePem.Trim(), FirmwareTestData.SignerPem.Trim());
    }
}
