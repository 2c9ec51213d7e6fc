using Faithcoin.Consensus.Chain;

namespace Faithcoin.Consensus.Rules.Headers;

/// <summary>
/// 0.15's Checkpoints::GetLastCheckpoint: the highest checkpoint whose block is already in the block index.
/// A checkpoint the node has not seen yet constrains nothing, which is why this depends on the index.
/// </summary>
public static class LastCheckpoint
{
    public static ChainedHeader? Find(ConsensusParams consensus, IBlockIndexLookup blockIndex)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        ArgumentNullException.ThrowIfNull(blockIndex);
        foreach (var checkpoint in consensus.Checkpoints.OrderByDescending(c => c.Key))
        {
            var known = blockIndex.Find(checkpoint.Value);
            if (known is not null)
            {
                return known;
            }
        }

        return null;
    }
}
