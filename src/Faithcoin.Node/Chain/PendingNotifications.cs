using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// Notifications recorded while the chain manager holds its lock and delivered, in order, once it has let go, so
/// a subscriber that reads the chain back can never deadlock with the writer.
/// </summary>
internal sealed class PendingNotifications
{
    private readonly List<Action<IChainNotifications>> queue = [];

    public void NewPoWValidBlock(Block block, BlockIndexEntry entry) => queue.Add(n => n.NewPoWValidBlock(block, entry));

    public void BlockConnected(Block block, BlockIndexEntry entry) => queue.Add(n => n.BlockConnected(block, entry));

    public void BlockDisconnected(Block block, BlockIndexEntry entry) => queue.Add(n => n.BlockDisconnected(block, entry));

    public void UpdatedBlockTip(BlockIndexEntry tip, BlockIndexEntry? fork, bool initialDownload) =>
        queue.Add(n => n.UpdatedBlockTip(tip, fork, initialDownload));

    public void BlockChecked(Block block, ValidationError? error) => queue.Add(n => n.BlockChecked(block, error));

    public void DeliverTo(IChainNotifications target)
    {
        foreach (var notify in queue)
        {
            notify(target);
        }

        queue.Clear();
    }
}
