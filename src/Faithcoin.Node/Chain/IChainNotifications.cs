using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// What the chain manager tells the rest of the node (Core's CValidationInterface). Calls come after the chain
/// manager has released its lock, in the order the changes happened, on the thread that made them; keep handlers
/// short and hand long work to your own thread. Every method has an empty default, implement what you need.
/// </summary>
public interface IChainNotifications
{
    /// <summary>
    /// 0.15's NewPoWValidBlock: a new block on top of the tip passed its header, block and contextual checks and is
    /// stored, and is about to be connected (outside initial download only). Relay may announce it before connecting.
    /// </summary>
    void NewPoWValidBlock(Block block, BlockIndexEntry entry)
    {
    }

    /// <summary>A block was connected to the active chain (mempool removes its transactions, relay announces).</summary>
    void BlockConnected(Block block, BlockIndexEntry entry)
    {
    }

    /// <summary>A block was disconnected from the active chain during a reorganisation or invalidateblock.</summary>
    void BlockDisconnected(Block block, BlockIndexEntry entry)
    {
    }

    /// <summary>The tip moved; <paramref name="forkPoint"/> is the last block the old and new chains share.</summary>
    void UpdatedBlockTip(BlockIndexEntry newTip, BlockIndexEntry? forkPoint, bool initialDownload)
    {
    }

    /// <summary>A block's full validation finished (ConnectBlock, or a refusal at acceptance): null error means valid.</summary>
    void BlockChecked(Block block, ValidationError? error)
    {
    }
}
