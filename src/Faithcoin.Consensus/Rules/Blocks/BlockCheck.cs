using Faithcoin.Consensus.Rules.Transactions;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>
/// Core's CheckBlock without the header part (proof of work is the header rules' business): the context-free
/// block rules in Core's order, so the first failure gives the original's reject reason.
/// </summary>
public sealed class BlockCheck
{
    private readonly IReadOnlyList<IBlockRule> rules;

    public BlockCheck()
        : this(new TransactionCheck())
    {
    }

    public BlockCheck(TransactionCheck transactionCheck)
        : this(
        [
            new MerkleRootRule(),
            new BlockSizeRule(),
            new CoinbasePositionRule(),
            new BlockTransactionsRule(transactionCheck),
            new LegacySigOpsRule(),
        ])
    {
    }

    public BlockCheck(IReadOnlyList<IBlockRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        this.rules = rules;
    }

    public ValidationError? Check(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        foreach (var rule in rules)
        {
            var error = rule.Check(block);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }
}
