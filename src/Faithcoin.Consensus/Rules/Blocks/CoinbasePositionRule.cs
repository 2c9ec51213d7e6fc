using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>bad-cb-missing and bad-cb-multiple: the first transaction, and only the first, is a coinbase.</summary>
public sealed class CoinbasePositionRule : IBlockRule
{
    public ValidationError? Check(Block block)
    {
        if (block.Transactions.Count == 0 || !block.Transactions[0].IsCoinBase)
        {
            return new ValidationError("bad-cb-missing", 100, Debug: "first tx is not coinbase");
        }

        for (var i = 1; i < block.Transactions.Count; i++)
        {
            if (block.Transactions[i].IsCoinBase)
            {
                return new ValidationError("bad-cb-multiple", 100, Debug: "more than one coinbase");
            }
        }

        return null;
    }
}
