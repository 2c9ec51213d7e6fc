using System.Numerics;
using NBitcoin;

namespace Faithcoin.Consensus.Chain;

/// <summary>
/// A header in the header tree, linked to its parent, with its height, cumulative work and a skip pointer
/// for O(log n) ancestor lookups (Core's CBlockIndex without the storage fields; the node's block index
/// derives from it).
/// </summary>
public class ChainedHeader
{
    public ChainedHeader(BlockHeader header, uint256 hash, ChainedHeader? previous)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(hash);
        Header = header;
        HashBlock = hash;
        Previous = previous;
        Height = previous is null ? 0 : previous.Height + 1;
        Bits = header.Bits.ToCompact();
        Time = (uint)header.BlockTime.ToUnixTimeSeconds();
        ChainWork = (previous?.ChainWork ?? BigInteger.Zero) + BlockProof.Of(Bits);
        Skip = previous?.GetAncestor(SkipHeight(Height));
    }

    public BlockHeader Header { get; }

    public uint256 HashBlock { get; }

    public ChainedHeader? Previous { get; }

    public ChainedHeader? Skip { get; }

    public int Height { get; }

    /// <summary>Total work of the chain up to and including this header.</summary>
    public BigInteger ChainWork { get; }

    public int Version => Header.Version;

    // Read once: NBitcoin builds a BigInteger Target (and several arrays) on every Header.Bits, and the
    // min-difficulty rule of the test networks reads the bits of up to 2,016 ancestors for each new block.
    public uint Time { get; }

    public uint Bits { get; }

    /// <summary>The median of the last 11 block times, the clock consensus rules use (BIP113).</summary>
    public long GetMedianTimePast()
    {
        Span<long> times = stackalloc long[ConsensusConstants.MedianTimeSpan];
        var count = 0;
        for (var entry = this; entry is not null && count < times.Length; entry = entry.Previous)
        {
            times[count++] = entry.Time;
        }

        var used = times[..count];
        used.Sort();
        return used[count / 2];
    }

    public ChainedHeader? GetAncestor(int height)
    {
        if (height > Height || height < 0)
        {
            return null;
        }

        var walk = this;
        var heightWalk = Height;
        while (heightWalk > height)
        {
            var heightSkip = SkipHeight(heightWalk);
            var heightSkipPrev = SkipHeight(heightWalk - 1);
            if (walk!.Skip is not null &&
                (heightSkip == height ||
                 (heightSkip > height && !(heightSkipPrev < heightSkip - 2 && heightSkipPrev >= height))))
            {
                walk = walk.Skip;
                heightWalk = heightSkip;
            }
            else
            {
                walk = walk.Previous;
                heightWalk--;
            }
        }

        return walk;
    }

    public override string ToString() => $"{HashBlock} at {Height}";

    // Core's skip-list shape: jump far back while keeping every ancestor reachable in few steps.
    private static int SkipHeight(int height)
    {
        if (height < 2)
        {
            return 0;
        }

        return (height & 1) != 0 ? InvertLowestOne(InvertLowestOne(height - 1)) + 1 : InvertLowestOne(height);
    }

    private static int InvertLowestOne(int n) => n & (n - 1);
}
