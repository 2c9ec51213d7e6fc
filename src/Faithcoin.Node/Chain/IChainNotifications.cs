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
