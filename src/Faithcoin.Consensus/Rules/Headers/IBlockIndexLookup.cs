using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Headers;

/// <summary>
/// What header validation needs from the node's block index (Core's mapBlockIndex): the entry with a given hash,
/// on any branch, or null when the node has never accepted that header.
/// </summary>
public interface IBlockIndexLookup
{
    ChainedHeader? Find(uint256 hash);
}
