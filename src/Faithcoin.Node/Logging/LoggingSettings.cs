namespace Faithcoin.Node.Logging;

/// <summary>The logging options after 0.15's rules (init.cpp): categories, line format, shrinking, the console.</summary>
public sealed record LoggingSettings
{
    /// <summary>-debug minus -debugexclude.</summary>
    public LogCategory Categories { get; init; }

    public LogOutputSettings Output { get; init; } = new();

    /// <summary>-shrinkdebugfile, default on when no category is being debug logged.</summary>
    public bool ShrinkDebugFile { get; init; } = true;

    /// <summary>Category names 0.15 would warn about ("Unsupported logging category -debug=x.").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
