using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>bad-txns-vout-empty: a transaction must create at least one output.</summary>
public sealed class OutputsPresentRule : ITransactionRule
{
    public ValidationError? Check(Transaction tx) =>
        tx.Outputs.Count == 0 ? new ValidationError("bad-txns-vout-empty", 10) : null;
}
