using System.Text;
using Faithcoin.Cli.Configuration;

namespace Faithcoin.Cli;

/// <summary>
/// The entry point, in its own namespace: the test project references faithcoind too, whose top-level
/// statements already make a global Program class.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // The original writes and reads bytes: results are UTF-8 whatever the locale says.
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdin = new StreamReader(Console.OpenStandardInput(), utf8);
        await using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = true };
        await using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        return await new CliApplication(stdin, stdout, stderr, CliDataDirectory.DefaultBasePath()).RunAsync(args).ConfigureAwait(false);
    }
}
