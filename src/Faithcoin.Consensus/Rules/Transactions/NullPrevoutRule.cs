using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>bad-txns-prevout-null: only a coinbase may spend the null outpoint.</summary>
public sealed class NullPrevoutRule : ITransactionRule
{
    public ValidationError? Check(Transaction tx)
    {
        if (tx.IsCoinBase)
        {
            return null;
        }

        foreach (var input in tx.Inputs)
        {
            if (input.PrevOut.IsNull)
            {
                return new ValidationError("bad-txns-prevout-null", 10);
            }
        }

        return null;
    }
}
