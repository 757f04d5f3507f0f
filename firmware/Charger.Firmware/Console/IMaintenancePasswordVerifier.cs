namespace Charger.Firmware.Console
{
    /// <summary>
    /// Checks the maintenance password against the hash stored in the device model. The console
    /// never sees the hash; it hands over the typed bytes and wipes its copy right after.
    /// </summary>
    public interface IMaintenancePasswordVerifier
    {
        /// <summary>False when no maintenance password has been provisioned: login is then impossible.</summary>
        bool IsConfigured { get; }

        /// <summary>
        /// True when the first <paramref name="length"/> bytes of <paramref name="password"/>
        /// (ASCII as typed) match. Must not keep a reference to the array, which is zeroed afterwards.
        /// </summary>
        bool Verify(byte[] password, int length);
    }
}
