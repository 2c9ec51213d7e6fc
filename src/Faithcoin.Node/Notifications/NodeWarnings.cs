namespace Faithcoin.Node.Notifications;

/// <summary>
/// 0.15's warnings.cpp: the "misc" warning the node raises about itself (unknown rules, unknown block versions),
/// which getblockchaininfo and getnetworkinfo report as "warnings", and -alertnotify, run for the first warning only.
/// </summary>
public sealed class NodeWarnings(NotifyCommands commands, ShellCommandRunner runner)
{
    private readonly Lock gate = new();
    private string misc = string.Empty;
    private bool notified;

    /// <summary>GetWarnings("statusbar"): the current warning, empty when there is none.</summary>
    public string StatusBar
    {
        get
        {
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

        if (first && commands.AlertNotify is { } command)
        {
            // As 0.15's AlertNotify: only safe characters, in single quotes, reach the shell.
            runner.RunDetached(command.Replace("%s", "'" + Sanitize(warning) + "'", StringComparison.Ordinal));
        }
    }

    // SanitizeString with SAFE_CHARS_DEFAULT.
    private static string Sanitize(string text) =>
        new(text.Where(c => char.IsAsciiLetterOrDigit(c) || " .,;-_/:?@()".Contains(c, StringComparison.Ordinal)).ToArray());
}
