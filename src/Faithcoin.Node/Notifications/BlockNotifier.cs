using Faithcoin.Node.Chain;

namespace Faithcoin.Node.Notifications;

/// <summary>
/// -blocknotify (0.15's BlockNotifyCallback): on every new tip outside initial block download, runs the command
/// with each "%s" replaced by the tip's hash.
/// </summary>
public sealed class BlockNotifier(NotifyCommands commands, ShellCommandRunner runner) : IChainNotifications
{
    public void UpdatedBlockTip(BlockIndexEntry newTip, BlockIndexEntry? forkPoint, bool initialDownload)
    {
        ArgumentNullException.ThrowIfNull(newTip);
        if (initialDownload || commands.BlockNotify is not { } command)
        {
            return;
        }

        runner.RunDetached(command.Replace("%s", newTip.HashBlock.ToString(), StringComparison.Ordinal));
    }
}
