using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>Core's ContextualCheckBlock: the chain-dependent block rules, in Core's order.</summary>
public sealed class ContextualBlockCheck
{
    private readonly IReadOnlyList<IContextualBlockRule> rules;

    public ContextualBlockCheck()
        : this(
        [
            new FinalTransactionsRule(),
            new CoinbaseHeightRule(),
            new WitnessCommitmentRule(),
            new BlockWeightRule(),
        ])
    {
    }

    public ContextualBlockCheck(IReadOnlyList<IContextualBlockRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        this.rules = rules;
    }

    public ValidationError? Check(Block block, BlockRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var rule in rules)
        {
            var error = rule.Check(block, context);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }
}
