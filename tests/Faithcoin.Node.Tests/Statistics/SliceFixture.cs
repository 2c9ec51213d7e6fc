using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Tests.Statistics;

/// <summary>The committed fixture slice (blocks 0-499), loaded once per test class that shares it.</summary>
public sealed class SliceFixture
{
    public SliceFixture()
    {
        var (blocks, headers) = FixtureBlocks.LoadSlice();
        Raw = blocks.Select(b => b.Raw).ToList();
        Headers = headers;
    }

    /// <summary>Raw[h] is the block at height h as the original serialized it.</summary>
    public IReadOnlyList<byte[]> Raw { get; }

    /// <summary>Headers[h] is the header-tree entry of the block at height h.</summary>
    public IReadOnlyList<ChainedHeader> Headers { get; }

    /// <summary>A fresh, freely mutable copy of the block at <paramref name="height"/>.</summary>
    public Block Block(int height) => NBitcoin.Block.Load(Raw[height], FaithcoinConsensusFactory.Instance);
}
