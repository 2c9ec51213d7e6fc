using Faithcoin.Consensus.Rules.Transactions;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>
/// bad-txns-nonfinal (nLockTime): every transaction is final at the block's height and lock-time cutoff, which
/// is the parent's median time past once CSV (BIP113) is active and the block's own time before.
/// </summary>
public sealed class FinalTransactionsRule : IContextualBlockRule
{
    public ValidationError? Check(Block block, BlockRuleContext context)
    {
        var cutoff = context.CsvActive && context.Previous is not null
            ? context.Previous.GetMedianTimePast()
            : block.Header.BlockTime.ToUnixTimeSeconds();
        foreach (var tx in block.Transactions)
        {
            if (!TransactionFinality.IsFinal(tx, context.Height, cutoff))
            {
                return new ValidationError("bad-txns-nonfinal", 10, Debug: "non-final transaction");
            }
        }

        return null;
    }
}
