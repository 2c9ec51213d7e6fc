using NBitcoin;
using RocksDbSharp;

using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Storage;

/// <summary>
/// A frozen view of the coins column family and its best-block marker (Core's CCoinsViewCursor over a leveldb
/// snapshot): commits made after it was opened are not visible, so the figures computed from it are consistent.
/// </summary>
public sealed class CoinsSnapshot : IDisposable
{
    private readonly ChainStateDatabase database;
    private readonly Snapshot snapshot;
    private readonly ReadOptions readOptions;

    internal CoinsSnapshot(ChainStateDatabase database, Snapshot snapshot, ReadOptions readOptions, uint256? bestBlock)
    {
        this.database = database;
        this.snapshot = snapshot;
        this.readOptions = readOptions;
        BestBlock = bestBlock;
    }

    /// <summary>The block the coins in this snapshot are consistent with; null for an empty chain state.</summary>
    public uint256? BestBlock { get; }

    /// <summary>The coins in key order: by txid (internal byte order), each transaction's outputs by VARINT index.</summary>
    public IEnumerable<KeyValuePair<OutPoint, Coin>> Coins => database.ReadCoins(readOptions);

    public void Dispose() => snapshot.Dispose();
}
