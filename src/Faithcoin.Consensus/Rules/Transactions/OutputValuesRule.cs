using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>
/// bad-txns-vout-negative, bad-txns-vout-toolarge, bad-txns-txouttotal-toolarge: every output and the running
/// total must stay within MAX_MONEY, checked output by output in order as Core does.
/// </summary>
public sealed class OutputValuesRule : ITransactionRule
{
    public ValidationError? Check(Transaction tx)
    {
        long total = 0;
        foreach (var output in tx.Outputs)
        {
            var value = output.Value.Satoshi;
            if (value < 0)
            {
                return new ValidationError("bad-txns-vout-negative", 100);
            }

            if (value > ConsensusConstants.MaxMoney)
            {
                return new ValidationError("bad-txns-vout-toolarge", 100);
            }

            // Both terms are within MAX_MONEY here, so the sum cannot overflow a long.
            total += value;
            if (!MoneyRange.Contains(total))
            {
                return new ValidationError("bad-txns-txouttotal-toolarge", 100);
            }
        }

        return null;
    }
}
