using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>
/// bad-txns-inputs-duplicate: no outpoint may be spent twice by one transaction. Litecoin 0.15 skipped this check
/// inside blocks (CVE-2018-17144, an inflation bug fixed in 0.15.2/0.16.3); we always apply it, as every fixed node does.
/// </summary>
public sealed class DuplicateInputsRule : ITransactionRule
{
    public ValidationError? Check(Transaction tx)
    {
        if (tx.Inputs.Count < 2)
        {
            return null;
        }

        var seen = new HashSet<OutPoint>();
        foreach (var input in tx.Inputs)
        {
            if (!seen.Add(input.PrevOut))
            {
                return new ValidationError("bad-txns-inputs-duplicate", 100);
            }
        }

        return null;
    }
}
