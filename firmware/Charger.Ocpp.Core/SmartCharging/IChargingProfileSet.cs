namespace Charger.Ocpp.SmartCharging
{
    /// <summary>The installed profiles the evaluator reads: the first <see cref="Count"/> slots of <see cref="Profiles"/>.</summary>
    public interface IChargingProfileSet
    {
        ChargingProfile[] Profiles { get; }

        int Count { get; }
    }
}
