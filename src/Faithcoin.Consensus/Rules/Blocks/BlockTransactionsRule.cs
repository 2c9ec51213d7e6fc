using Faithcoin.Consensus.Rules.Transactions;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>
/// Every transaction passes CheckTransaction; the transaction rule's reason and score are kept, as Core keeps
/// them, with the failing transaction named in the debug text.
/// </summary>
public sealed class BlockTransactionsRule : IBlockRule
{
    private readonly TransactionCheck transactionCheck;

    public BlockTransactionsRule(TransactionCheck transactionCheck)
    {
        ArgumentNullException.ThrowIfNull(transactionCheck);
        this.transactionCheck = transactionCheck;
    }

    public ValidationError? Check(Block block)
    {
        foreach (var tx in block.Transactions)
        {
            var error = transactionCheck.Check(tx);
            if (error is not null)
            {
                return error with { Debug = $"Transaction check failed (tx hash {tx.GetHash()}) {error.Debug}".TrimEnd() };
            }
        }

        return null;
    }
}
