namespace Charger.Sim.Models.Csms
{
    /// <summary>Seen from the CSMS: In = station to CSMS, Out = CSMS to station.</summary>
    public enum FrameDirection
    {
        In = 0,
        Out = 1,
    }
}
