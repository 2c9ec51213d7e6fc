using Faithcoin.Consensus.Coins;
using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// The node's coins cache over the database (Core's pcoinsTip), with the memory budget that -dbcache gives it.
/// The size is an estimate per cached outpoint of what the managed objects behind it take; Core measures its own
/// allocations the same approximate way (DynamicMemoryUsage).
/// </summary>
public sealed class CoinsTip
{
    /// <summary>
    /// Measured order of magnitude for one cached coin: dictionary slot, OutPoint and its uint256, the cache entry,
    /// Coin, TxOut, Money and Script with a 25-byte script.
    /// </summary>
    public const int EstimatedBytesPerCoin = 320;

    public CoinsTip(CoinsDatabase database, long budgetBytes)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetBytes);
        Database = database;
        BudgetBytes = budgetBytes;
        Cache = new CoinsViewCache(database);
    }

    public CoinsDatabase Database { get; }

    public CoinsViewCache Cache { get; }

    public long BudgetBytes { get; }

    public uint256 BestBlock => Cache.BestBlock;

    public long EstimatedBytes => (long)Cache.CachedCount * EstimatedBytesPerCoin;

    public bool IsOverBudget => EstimatedBytes > BudgetBytes;

    /// <summary>Writes every change down in one atomic batch (coins plus best block) and empties the cache.</summary>
    public void Flush() => Cache.Flush();
}
