namespace Charger.Firmware.Console
{
    /// <summary>
    /// Receives the console's security events (logins, failures, lockouts, privileged commands).
    /// The OCPP layer sends them as SecurityEventNotification; <paramref name="type"/> is one of
    /// <see cref="ConsoleSecurityEventTypes"/>.
    /// </summary>
    public interface IConsoleSecurityEvents
    {
        /// <param name="techInfo">At most 255 characters (SecurityEventNotificationRequest.techInfo); never a secret.</param>
        void Raise(string type, string techInfo, long nowMs);
    }
}
