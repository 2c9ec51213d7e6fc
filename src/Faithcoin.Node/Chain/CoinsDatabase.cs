using Faithcoin.Consensus.Coins;
using Faithcoin.Node.Storage;
using NBitcoin;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// The coins column family as the bottom coins view (Core's CCoinsViewDB): a cache flushes into it with one
/// atomic batch of coin puts and deletes plus the best-block marker, so the marker can never disagree with the coins.
/// </summary>
public sealed class CoinsDatabase : ICoinsViewWriter
{
    private readonly ChainStateDatabase database;
    private uint256 bestBlock;

    public CoinsDatabase(ChainStateDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        bestBlock = database.GetBestBlock() ?? uint256.Zero;
    }

    public uint256 BestBlock => bestBlock;

    /// <summary>How far the next <see cref="BatchWrite"/> must travel before it returns.</summary>
    public WriteDurability Durability { get; set; } = WriteDurability.SurvivesPowerLoss;

    /// <summary>Bytes of the last batch written, for the flush log line.</summary>
    public long LastBatchBytes { get; private set; }

    public Coin? GetCoin(OutPoint outpoint) => database.GetCoin(outpoint);

    public bool HaveCoin(OutPoint outpoint) => database.HaveCoin(outpoint);

    public void BatchWrite(IReadOnlyCollection<CoinChange> changes, uint256 bestBlock)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(bestBlock);
        using var batch = database.CreateBatch();
        foreach (var change in changes)
        {
            if (change.Coin is not null)
            {
                batch.PutCoin(change.Outpoint, change.Coin);
            }
            else if (!change.Fresh)
            {
                batch.DeleteCoin(change.Outpoint);
            }
        }

        batch.SetBestBlock(bestBlock);
        LastBatchBytes = batch.SizeInBytes;
        database.Commit(batch, Durability);
        this.bestBlock = bestBlock;
    }
}
