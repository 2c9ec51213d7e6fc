namespace Faithcoin.Node.Configuration;

/// <summary>
/// One option of the original daemon. <see cref="Help"/> is null for options faithcoind recognises but does
/// not act on yet: they are accepted quietly (a conf file written for the original must not fail) and
/// logged as not used yet.
/// </summary>
public sealed record OptionDescriptor(string Name, OptionGroup Group, string? ValueHint, string? Help)
{
    public bool IsImplemented => Help is not null;

    /// <summary>How the option is shown in -help: "-name" or "-name=&lt;hint&gt;".</summary>
    public string Synopsis => ValueHint is null ? $"-{Name}" : $"-{Name}={ValueHint}";
}
