namespace Charger.BundleTool;

public static class Program
{
    public static int Main(string[] args) => BundleCommands.Run(args, Console.Out, Console.Error);
}
