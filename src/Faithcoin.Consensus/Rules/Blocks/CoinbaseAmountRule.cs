using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>bad-cb-amount: the coinbase may claim at most the subsidy plus the block's fees.</summary>
public static class CoinbaseAmountRule
{
    public static ValidationError? Check(Block block, long fees, int height, int halvingInterval)
    {
        ArgumentNullException.ThrowIfNull(block);
        var limit = fees + BlockSubsidy.At(height, halvingInterval);
        var actual = block.Transactions[0].Outputs.Sum(o => o.Value.Satoshi);
        return actual > limit
            ? new ValidationError("bad-cb-amount", 100, Debug: $"coinbase pays too much (actual={actual} vs limit={limit})")
            : null;
    }
}
