using System.Numerics;
using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Consensus.Pow;

/// <summary>
/// Litecoin 0.15's pow.cpp: the nBits a new block must carry (GetNextWorkRequired, CalculateNextWorkRequired)
/// and whether a proof-of-work hash meets its nBits (CheckProofOfWork). Every intermediate value behaves like
/// Core's arith_uint256, truncated to 256 bits, because the compact result must match the original bit for bit.
/// </summary>
public static class DifficultyCalculator
{
    private static readonly BigInteger Mask256 = (BigInteger.One << 256) - 1;

    /// <summary>The compact form of powLimit: what a min-difficulty block carries.</summary>
    public static uint PowLimitCompact(ConsensusParams consensus)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        return CompactTarget.Encode(CompactTarget.ToBigInteger(consensus.PowLimit));
    }

    /// <summary>The nBits required of a block with time <paramref name="newBlockTime"/> built on <paramref name="previous"/>.</summary>
    public static uint GetNextWorkRequired(ChainedHeader previous, long newBlockTime, ConsensusParams consensus)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(consensus);
        var interval = consensus.DifficultyAdjustmentInterval;
        var powLimitCompact = PowLimitCompact(consensus);

        if ((previous.Height + 1) % interval != 0)
        {
            if (consensus.PowAllowMinDifficultyBlocks)
            {
                return MinDifficultyRule(previous, newBlockTime, consensus, powLimitCompact);
            }

            return previous.Bits;
        }

        // Litecoin goes back a full interval (Art Forz's time-warp fix) except for the very first retarget,
        // where only interval - 1 blocks exist behind the last one.
        var blocksToGoBack = previous.Height + 1 == interval ? interval - 1 : interval;
        var firstHeight = (int)(previous.Height - blocksToGoBack);
        var first = previous.GetAncestor(firstHeight)
            ?? throw new InvalidOperationException($"No ancestor at height {firstHeight} below {previous}.");
        return CalculateNextWorkRequired(previous, first.Time, consensus);
    }

    /// <inheritdoc cref="GetNextWorkRequired(ChainedHeader, long, ConsensusParams)"/>
    public static uint GetNextWorkRequired(ChainedHeader previous, BlockHeader newHeader, ConsensusParams consensus)
    {
        ArgumentNullException.ThrowIfNull(newHeader);
        return GetNextWorkRequired(previous, newHeader.BlockTime.ToUnixTimeSeconds(), consensus);
    }

    /// <summary>The retarget of the block after <paramref name="last"/>, given the time of the window's first block.</summary>
    public static uint CalculateNextWorkRequired(ChainedHeader last, long firstBlockTime, ConsensusParams consensus)
    {
        ArgumentNullException.ThrowIfNull(last);
        return CalculateNextWorkRequired(last.Bits, last.Time, firstBlockTime, consensus);
    }

    /// <summary>
    /// The retarget arithmetic alone: the old target scaled by the clamped actual timespan over the target
    /// timespan, with Litecoin's one-bit overflow guard, capped at powLimit.
    /// </summary>
    public static uint CalculateNextWorkRequired(uint lastBits, long lastBlockTime, long firstBlockTime, ConsensusParams consensus)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        if (consensus.PowNoRetargeting)
        {
            return lastBits;
        }

        var targetTimespan = consensus.PowTargetTimespan;
        var actualTimespan = Math.Clamp(lastBlockTime - firstBlockTime, targetTimespan / 4, targetTimespan * 4);

        var target = CompactTarget.Decode(lastBits);
        var powLimit = CompactTarget.ToBigInteger(consensus.PowLimit);

        // A target as wide as powLimit times up to 4 * timespan can exceed 256 bits; Litecoin drops one bit
        // before the multiplication and restores it after, so the result keeps its low bit cleared.
        var shift = target.GetBitLength() > powLimit.GetBitLength() - 1;
        if (shift)
        {
            target >>= 1;
        }

        target = (target * actualTimespan) & Mask256;
        target /= targetTimespan;
        if (shift)
        {
            target = (target << 1) & Mask256;
        }

        if (target > powLimit)
        {
            target = powLimit;
        }

        return CompactTarget.Encode(target);
    }

    /// <summary>
    /// True when <paramref name="bits"/> is a valid target no easier than powLimit and <paramref name="powHash"/>
    /// (the scrypt hash, read as a little-endian number) does not exceed it.
    /// </summary>
    public static bool CheckProofOfWork(uint256 powHash, uint bits, ConsensusParams consensus)
    {
        ArgumentNullException.ThrowIfNull(powHash);
        ArgumentNullException.ThrowIfNull(consensus);
        var target = CompactTarget.Decode(bits, out var negative, out var overflow);
        if (negative || overflow || target.IsZero || target > CompactTarget.ToBigInteger(consensus.PowLimit))
        {
            return false;
        }

        return CompactTarget.ToBigInteger(powHash) <= target;
    }

    // Test networks: a block more than two spacings after its parent may be mined at powLimit; otherwise it must
    // carry the bits of the last block that was not such a min-difficulty block (or sits on a retarget boundary).
    private static uint MinDifficultyRule(ChainedHeader previous, long newBlockTime, ConsensusParams consensus, uint powLimitCompact)
    {
        if (newBlockTime > previous.Time + (consensus.PowTargetSpacing * 2))
        {
            return powLimitCompact;
        }

        var interval = consensus.DifficultyAdjustmentInterval;
        var walk = previous;
        while (walk.Previous is not null && walk.Height % interval != 0 && walk.Bits == powLimitCompact)
        {
            walk = walk.Previous;
        }

        return walk.Bits;
    }
}
