namespace Faithcoin.Node.Notifications;

/// <summary>
/// 0.15's warnings.cpp: the "misc" warning the node raises about itself (unknown rules, unknown block versions),
/// which getblockchaininfo and getnetworkinfo report as "warnings", and -alertnotify, run for the first warning only;
/// also the large-work fork and invalid-chain flags (<see cref="ForkWarningMonitor"/>), which take precedence.
/// </summary>
public sealed class NodeWarnings(NotifyCommands commands, ShellCommandRunner runner)
{
    public const string LargeWorkForkWarning = "Warning: The network does not appear to fully agree! Some miners appear to be experiencing issues.";
    public const string InvalidChainWarning = "Warning: We do not appear to fully agree with our peers! You may need to upgrade, or other nodes may need to upgrade.";

    private readonly Lock gate = new();
    private string misc = string.Empty;
    private bool notified;
    private volatile bool largeWorkFork;
    private volatile bool largeWorkInvalidChain;

    /// <summary>fLargeWorkForkFound.</summary>
    public bool LargeWorkForkFound
    {
        get => largeWorkFork;
        set => largeWorkFork = value;
    }

    /// <summary>fLargeWorkInvalidChainFound.</summary>
    public bool LargeWorkInvalidChainFound
    {
        get => largeWorkInvalidChain;
        set => largeWorkInvalidChain = value;
    }

    /// <summary>GetWarnings("statusbar"): the current warning, empty when there is none.</summary>
    public string StatusBar
    {
        get
        {
            if (largeWorkFork)
            {
                return LargeWorkForkWarning;
            }

            if (largeWorkInvalidChain)
            {
                return InvalidChainWarning;
            }

            lock (gate)
            {
                return misc;
            }
        }
    }

    /// <summary>DoWarning: remembers the warning and, the first time, runs -alertnotify with it.</summary>
    public void Raise(string warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        bool first;
        lock (gate)
        {
            misc = warning;
            first = !notified;
            notified = true;
        }

        if (first)
        {
            AlertNotify(warning);
        }
    }

    /// <summary>AlertNotify: runs -alertnotify with the message, not waited for.</summary>
    public void AlertNotify(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (commands.AlertNotify is { } command)
        {
            // As 0.15: only safe characters, in single quotes, reach the shell.
            runner.RunDetached(command.Replace("%s", "'" + Sanitize(message) + "'", StringComparison.Ordinal));
        }
    }

    // SanitizeString with SAFE_CHARS_DEFAULT.
    private static string Sanitize(string text) =>
        new(text.Where(c => char.IsAsciiLetterOrDigit(c) || " .,;-_/:?@()".Contains(c, StringComparison.Ordinal)).ToArray());
}
