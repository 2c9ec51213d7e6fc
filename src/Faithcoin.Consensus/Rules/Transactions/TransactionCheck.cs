using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>
/// Core's CheckTransaction: the context-free transaction rules in Core's order, so the first failing rule gives
/// the same reject reason the original reports.
/// </summary>
public sealed class TransactionCheck
{
    private readonly IReadOnlyList<ITransactionRule> rules;

    public TransactionCheck()
        : this(
        [
            new InputsPresentRule(),
            new OutputsPresentRule(),
            new TransactionSizeRule(),
            new OutputValuesRule(),
            new DuplicateInputsRule(),
            new CoinbaseScriptSizeRule(),
            new NullPrevoutRule(),
        ])
    {
    }

    public TransactionCheck(IReadOnlyList<ITransactionRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        this.rules = rules;
    }

    public ValidationError? Check(Transaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        foreach (var rule in rules)
        {
            var error = rule.Check(tx);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }
}
