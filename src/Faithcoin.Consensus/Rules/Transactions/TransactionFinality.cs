using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>Core's IsFinalTx: whether a transaction's nLockTime allows it in a block at this height and time.</summary>
public static class TransactionFinality
{
    public const uint SequenceFinal = 0xffffffff;

    /// <param name="blockTime">The lock-time cutoff: the parent's median time past once BIP113 applies, else the block's time.</param>
    public static bool IsFinal(Transaction tx, int blockHeight, long blockTime)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var lockTime = (long)(uint)tx.LockTime;
        if (lockTime == 0)
        {
            return true;
        }

        if (lockTime < (lockTime < ConsensusConstants.LocktimeThreshold ? blockHeight : blockTime))
        {
            return true;
        }

        // A lock time that has not passed is still ignored when every input opted out of it.
        foreach (var input in tx.Inputs)
        {
            if ((uint)input.Sequence != SequenceFinal)
            {
                return false;
            }
        }

        return true;
    }
}
