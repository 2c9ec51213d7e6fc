using System.Numerics;
using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Chain.Queries;

/// <summary>
/// 0.15's GetNetworkHashPS: the chain work of the last <c>lookup</c> blocks (since the last retarget when not
/// positive) divided by the spread of their timestamps, optionally as of an earlier height of the active chain.
/// </summary>
public static class NetworkHashRate
{
    public static double Estimate(ChainedHeader tip, ConsensusParams consensus, int lookup, int height)
    {
        ArgumentNullException.ThrowIfNull(tip);
        ArgumentNullException.ThrowIfNull(consensus);
        var last = height >= 0 && height < tip.Height ? tip.GetAncestor(height)! : tip;
        if (last.Height == 0)
        {
            return 0;
        }

        if (lookup <= 0)
        {
            lookup = (int)(last.Height % consensus.DifficultyAdjustmentInterval) + 1;
        }

        lookup = Math.Min(lookup, last.Height);
        var first = last;
        long minTime = last.Time;
        var maxTime = minTime;
        for (var i = 0; i < lookup; i++)
        {
            first = first.Previous!;
            minTime = Math.Min(minTime, first.Time);
            maxTime = Math.Max(maxTime, first.Time);
        }

        if (minTime == maxTime)
        {
            // 0.15 avoids the division by zero the same way.
            return 0;
        }

        return ToDouble(last.ChainWork - first.ChainWork) / (maxTime - minTime);
    }

    /// <summary>arith_uint256::getdouble: the sum of each 32-bit word times its power of 2^32, low word first.</summary>
    private static double ToDouble(BigInteger work)
    {
        var result = 0.0;
        var factor = 1.0;
        for (var i = 0; i < 8; i++)
        {
            result += (double)(uint)(work & uint.MaxValue) * factor;
            factor *= 4294967296.0;
            work >>= 32;
        }

        return result;
    }
}
