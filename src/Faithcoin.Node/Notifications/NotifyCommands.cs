namespace Faithcoin.Node.Notifications;

/// <summary>-blocknotify and -alertnotify: shell commands with "%s" replaced by the block hash or the message.</summary>
public sealed record NotifyCommands
{
    public string? BlockNotify { get; init; }

    public string? AlertNotify { get; init; }
}
