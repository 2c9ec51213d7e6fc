using Faithcoin.Cli.Configuration;

namespace Faithcoin.Cli;

/// <summary>
/// The entry point, in its own namespace: the test project references faithcoind too, whose top-level
/// statements already make a global Program class.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) =>
        new CliApplication(Console.In, Console.Out, Console.Error, CliDataDirectory.DefaultBasePath()).RunAsync(args);
}
