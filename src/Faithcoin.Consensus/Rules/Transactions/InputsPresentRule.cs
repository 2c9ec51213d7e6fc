using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>bad-txns-vin-empty: a transaction must spend something (a coinbase spends the null outpoint).</summary>
public sealed class InputsPresentRule : ITransactionRule
{
    public ValidationError? Check(Transaction tx) =>
        tx.Inputs.Count == 0 ? new ValidationError("bad-txns-vin-empty", 10) : null;
}
