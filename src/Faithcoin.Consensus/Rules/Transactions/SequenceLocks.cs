using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>BIP68 relative lock times (Core's CalculateSequenceLocks and EvaluateSequenceLocks).</summary>
public static class SequenceLocks
{
    public const uint DisableFlag = 1u << 31;
    public const uint TypeFlag = 1u << 22;
    public const uint Mask = 0x0000ffff;
    public const int Granularity = 9;

    /// <param name="enforceBip68">CSV is active for the block (LOCKTIME_VERIFY_SEQUENCE).</param>
    /// <param name="prevHeights">The heights of the coins each input spends, in input order.</param>
    /// <param name="previous">The parent of the block the transaction is in.</param>
    public static SequenceLock Calculate(Transaction tx, bool enforceBip68, IReadOnlyList<int> prevHeights, ChainedHeader previous)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(prevHeights);
        ArgumentNullException.ThrowIfNull(previous);
        if (prevHeights.Count != tx.Inputs.Count)
        {
            throw new ArgumentException("One height per input is required.", nameof(prevHeights));
        }

        // nVersion is compared unsigned, so negative versions count as high ones and opt in.
        if (!enforceBip68 || (uint)tx.Version < 2)
        {
            return SequenceLock.None;
        }

        var minHeight = -1;
        long minTime = -1;
        for (var i = 0; i < tx.Inputs.Count; i++)
        {
            var sequence = (uint)tx.Inputs[i].Sequence;
            if ((sequence & DisableFlag) != 0)
            {
                continue;
            }

            var coinHeight = prevHeights[i];
            if ((sequence & TypeFlag) != 0)
            {
                // Time locks count from the median time past of the block before the one holding the coin.
                var coinTime = previous.GetAncestor(Math.Max(coinHeight - 1, 0))!.GetMedianTimePast();
                minTime = Math.Max(minTime, coinTime + ((long)(sequence & Mask) << Granularity) - 1);
            }
            else
            {
                minHeight = Math.Max(minHeight, coinHeight + (int)(sequence & Mask) - 1);
            }
        }

        return new SequenceLock(minHeight, minTime);
    }

    /// <summary>True when the lock has passed for the block after <paramref name="previous"/>.</summary>
    public static bool Evaluate(SequenceLock sequenceLock, ChainedHeader previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return sequenceLock.MinHeight < previous.Height + 1 && sequenceLock.MinTime < previous.GetMedianTimePast();
    }
}
