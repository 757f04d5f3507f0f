namespace Charger.Sim.Models.Thermal;

/// <summary>
/// First-order thermal model of one measuring point: heating with current squared, cooling
/// towards ambient with a time constant. dT/dt = k·I² − (T − T_ambient)/τ, so the steady-state
/// rise is k·I²·τ.
/// </summary>
public sealed class ThermalModel
{
    public ThermalModel(string name, double riseAtRatedCurrentK, double ratedCurrentA, double timeConstantS, double ambientC)
    {
        Name = name;
        TimeConstantS = timeConstantS;
        HeatingKPerA2S = riseAtRatedCurrentK / (ratedCurrentA * ratedCurrentA * timeConstantS);
        AmbientC = ambientC;
        TemperatureC = ambientC;
    }

    public string Name { get; }

    public double TimeConstantS { get; }

    public double HeatingKPerA2S { get; }

    public double AmbientC { get; set; }

    public double TemperatureC { get; set; }

    public void Step(double currentA, long dtMs)
    {
        double dtS = dtMs / 1000.0;

        // Integrate in steps well below the time constant so a long step stays stable.
        double maxStepS = TimeConstantS / 20;
        while (dtS > 0)
        {
            double h = Math.Min(dtS, maxStepS);
            TemperatureC += h * (HeatingKPerA2S * currentA * currentA - (TemperatureC - AmbientC) / TimeConstantS);
            dtS -= h;
        }
    }
}
