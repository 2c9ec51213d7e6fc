using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>
/// Where a block stands relative to one snapshot of the active tip: confirmations (-1 off the active chain, as
/// getblock and getblockheader print them) and the next block's hash.
/// </summary>
public readonly record struct ActiveChainPosition(int Confirmations, uint256? NextBlockHash)
{
    public static ActiveChainPosition Of(ChainedHeader entry, ChainedHeader tip)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(tip);
        if (!ReferenceEquals(tip.GetAncestor(entry.Height), entry))
        {
            return new ActiveChainPosition(-1, null);
        }

        return new ActiveChainPosition(tip.Height - entry.Height + 1, tip.GetAncestor(entry.Height + 1)?.HashBlock);
    }
}
