namespace Charger.Ocpp.Rpc
{
    /// <summary>
    /// When a station-initiated CALL may leave, given the registration status (OCPP 2.0.1 B02, B03):
    /// before Accepted only BootNotification; while Pending also what the CSMS asked for
    /// (NotifyReport, triggered messages).
    /// </summary>
    public enum SendPermission
    {
        RequiresAccepted = 0,
        AllowedWhilePending = 1,
        Always = 2,
    }
}
