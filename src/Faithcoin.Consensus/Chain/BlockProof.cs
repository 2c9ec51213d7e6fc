using System.Numerics;

namespace Faithcoin.Consensus.Chain;

/// <summary>The expected number of hashes a header's target stands for: 2^256 / (target + 1), as GetBlockProof.</summary>
public static class BlockProof
{
    private static readonly BigInteger TwoTo256 = BigInteger.One << 256;

    public static BigInteger Of(uint compactBits)
    {
        var target = Pow.CompactTarget.Decode(compactBits, out var negative, out var overflow);
        if (negative || overflow || target.IsZero)
        {
            return BigInteger.Zero;
        }

        return TwoTo256 / (target + 1);
    }
}
