namespace Charger.Ota.Slots
{
    /// <summary>Names for <see cref="RollbackReason"/> (enums print as numbers on nanoFramework 1.x).</summary>
    public static class RollbackReasonText
    {
        public static string Of(RollbackReason reason)
        {
            return reason switch
            {
                RollbackReason.None => "None",
                RollbackReason.StartThrew => "StartThrew",
                RollbackReason.NotConfirmed => "NotConfirmed",
                RollbackReason.SelfTestFailed => "SelfTestFailed",
                RollbackReason.VerificationFailed => "VerificationFailed",
                _ => "?" + (int)reason,
            };
        }
    }
}
