using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>bad-cb-length: a coinbase scriptSig must be 2 to 100 bytes long.</summary>
public sealed class CoinbaseScriptSizeRule : ITransactionRule
{
    public ValidationError? Check(Transaction tx)
    {
        if (!tx.IsCoinBase)
        {
            return null;
        }

        var length = tx.Inputs[0].ScriptSig.Length;
        return length is < 2 or > 100 ? new ValidationError("bad-cb-length", 100) : null;
    }
}
