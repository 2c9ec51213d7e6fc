namespace Faithcoin.Node.Configuration;

/// <summary>Where a setting came from, so a bad value can be pointed at precisely (file:line or the command line).</summary>
public sealed record ArgSource(string Description, bool IsCommandLine)
{
    public static ArgSource CommandLine { get; } = new("command line", IsCommandLine: true);

    public static ArgSource ConfigLine(string path, int line) => new($"{path}:{line}", IsCommandLine: false);

    public override string ToString() => Description;
}
