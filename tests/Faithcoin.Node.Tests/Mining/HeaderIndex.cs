using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Headers;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mining;

/// <summary>The block index lookup header validation needs, over the headers a test has accepted.</summary>
internal sealed class HeaderIndex : IBlockIndexLookup
{
    private readonly Dictionary<uint256, ChainedHeader> entries = [];

    public void Add(ChainedHeader entry) => entries[entry.HashBlock] = entry;

    public ChainedHeader? Find(uint256 hash) => entries.GetValueOrDefault(hash);
}
