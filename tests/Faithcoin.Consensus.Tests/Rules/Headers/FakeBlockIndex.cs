using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Headers;
using NBitcoin;

namespace Faithcoin.Consensus.Tests.Rules.Headers;

/// <summary>A block index that knows exactly the headers a test adds.</summary>
internal sealed class FakeBlockIndex : IBlockIndexLookup
{
    private readonly Dictionary<uint256, ChainedHeader> known = [];

    public FakeBlockIndex Add(ChainedHeader header)
    {
        known[header.HashBlock] = header;
        return this;
    }

    /// <summary>Adds a header at <paramref name="height"/> under a chosen hash, standing for a checkpoint block.</summary>
    public FakeBlockIndex AddAs(ChainedHeader header, uint256 hash)
    {
        known[hash] = header;
        return this;
    }

    public ChainedHeader? Find(uint256 hash) => known.GetValueOrDefault(hash);
}
