using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>bad-txns-nonfinal (BIP68): a transaction's relative lock times must have passed for its block.</summary>
public static class SequenceLockRule
{
    public static ValidationError? Check(Transaction tx, IReadOnlyList<int> prevHeights, ChainedHeader previous, bool csvActive)
    {
        var sequenceLock = SequenceLocks.Calculate(tx, csvActive, prevHeights, previous);
        return SequenceLocks.Evaluate(sequenceLock, previous)
            ? null
            : new ValidationError("bad-txns-nonfinal", 100, Debug: "contains a non-BIP68-final transaction");
    }
}
