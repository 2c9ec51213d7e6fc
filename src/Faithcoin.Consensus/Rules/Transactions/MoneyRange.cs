using Faithcoin.Consensus.Chain;

namespace Faithcoin.Consensus.Rules.Transactions;

/// <summary>Core's MoneyRange: an amount consensus can hold, 0 to 84 million coins inclusive.</summary>
public static class MoneyRange
{
    public static bool Contains(long amount) => amount >= 0 && amount <= ConsensusConstants.MaxMoney;
}
