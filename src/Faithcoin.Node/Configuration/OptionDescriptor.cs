namespace Faithcoin.Node.Configuration;

/// <summary>
/// One option of the original daemon. <see cref="Help"/> is null only for names kept for compatibility without
/// a -help entry. <see cref="Support"/> says whether faithcoind acts on it: options not acted on yet, and the
/// wallet, ZMQ and GUI ones faithcoind never will, are accepted (a conf file written for the original must not
/// fail) and logged once. <see cref="DebugOnly"/> options appear in -help only with -help-debug, as in 0.15.
/// </summary>
public sealed record OptionDescriptor(
    string Name,
    OptionGroup Group,
    string? ValueHint,
    string? Help,
    bool DebugOnly = false,
    OptionSupport Support = OptionSupport.Implemented,
    string? IgnoredBecause = null)
{
    public bool IsImplemented => Help is not null && Support == OptionSupport.Implemented;

    /// <summary>How the option is shown in -help: "-name" or "-name=&lt;hint&gt;".</summary>
    public string Synopsis => ValueHint is null ? $"-{Name}" : $"-{Name}={ValueHint}";
}
