namespace Charger.Sim;

public static class Program
{
    public static int Main(string[] args)
    {
        // Interim entry point while the station composition lands (issue 7).
        Console.WriteLine("ChargerFirmware simulator: the station composition is not wired yet.");
        return 0;
    }
}
