using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>0.15's submitblock_StateCatcher: remembers the verdict of the BlockChecked notification for one block.</summary>
internal sealed class BlockCheckCatcher(uint256 hash) : IChainNotifications
{
    public bool Found { get; private set; }

    public ValidationError? Error { get; private set; }

    public void BlockChecked(Block block, ValidationError? error)
    {
        if (block.GetHash() != hash)
        {
            return;
        }

        Found = true;
        Error = error;
    }
}
