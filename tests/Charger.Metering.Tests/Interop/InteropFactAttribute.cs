namespace Charger.Metering.Tests.Interop;

/// <summary>A fact that is skipped, with the install command as reason, only when a peer tool is really absent.</summary>
public sealed class InteropFactAttribute : FactAttribute
{
    public InteropFactAttribute(bool socat = true, bool mbpoll = false, bool modbusSerial = false)
    {
        string reason = InteropTools.Missing(socat, mbpoll, modbusSerial);
        if (reason != null)
        {
            Skip = reason;
        }
    }
}
