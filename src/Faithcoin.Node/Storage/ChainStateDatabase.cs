using NBitcoin;
using RocksDbSharp;

using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Storage;

/// <summary>
/// The RocksDB database at &lt;datadir&gt;/chainstate holding the block index, the coins, undo data and metadata in
/// column families (<see cref="ChainStateColumns"/>). Every change goes through a <see cref="ChainStateBatch"/>,
/// committed atomically; reads are safe from any thread. Damaged data surfaces as
/// <see cref="StorageCorruptionException"/>, never as a missing or wrong record.
/// </summary>
public sealed class ChainStateDatabase : IDisposable
{
    public const int SchemaVersion = 1;

    private static readonly CoinSerializer CoinDeserializer = new();
    private readonly ChainStateTuning _tuning;
    private readonly RocksDb _db;
    private readonly WriteOptions _buffered = new WriteOptions().SetSync(false);
    private readonly WriteOptions _synced = new WriteOptions().SetSync(true);
    private bool _disposed;

    private ChainStateDatabase(string path, ChainStateTuning tuning, RocksDb db)
    {
        Path = path;
        _tuning = tuning;
        _db = db;
        Families = new ChainStateFamilies(db);
    }

    public string Path { get; }

    internal ChainStateFamilies Families { get; }

    internal RocksDb Db => _db;

    /// <summary>Opens (or creates) the database; a damaged or foreign database ends in <see cref="StorageCorruptionException"/>.</summary>
    public static ChainStateDatabase Open(ChainStateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = System.IO.Path.GetFullPath(options.Path);
        var existed = ChainStateDirectory.EnsureUsable(path, options.CreateIfMissing);
        var tuning = new ChainStateTuning(options);
        RocksDb db;
        try
        {
            db = RocksDb.Open(tuning.DbOptions, path, tuning.ColumnFamilies);
        }
        catch (RocksDbException e)
        {
            throw RocksDbErrors.Translate(path, e);
        }

        var database = new ChainStateDatabase(path, tuning, db);
        try
        {
            database.CheckSchemaVersion(existed);
        }
        catch
        {
            database.Dispose();
            throw;
        }

        return database;
    }

    public ChainStateBatch CreateBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new ChainStateBatch(Families);
    }

    /// <summary>Applies every change of <paramref name="batch"/> at once; after a crash either all of them are there or none.</summary>
    public void Commit(ChainStateBatch batch, WriteDurability durability)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _db.Write(batch.WriteBatch, durability == WriteDurability.SurvivesPowerLoss ? _synced : _buffered);
        }
        catch (RocksDbException e)
        {
            throw RocksDbErrors.Translate(Path, e);
        }
    }

    public BlockIndexRecord? GetBlockIndex(uint256 hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        Span<byte> key = stackalloc byte[32];
        hash.ToBytes(key, true);
        var value = Get(key, Families.BlockIndex);
        return value is null ? null : Decode(ChainStateColumns.BlockIndex, () => BlockIndexRecordSerializer.Read(hash, value));
    }

    /// <summary>Every block index entry, in hash order, read from one snapshot (start-up loads the whole tree from it).</summary>
    public IEnumerable<BlockIndexRecord> ReadBlockIndex()
    {
        foreach (var (key, value) in Scan(Families.BlockIndex))
        {
            if (key.Length != 32)
            {
                throw new StorageCorruptionException(Path, "a block index key is not 32 bytes long");
            }

            yield return Decode(ChainStateColumns.BlockIndex, () => BlockIndexRecordSerializer.Read(new uint256(key), value));
        }
    }

    public Coin? GetCoin(OutPoint outPoint)
    {
        Span<byte> key = stackalloc byte[CoinKey.MaxLength];
        var length = CoinKey.Write(outPoint, key);
        try
        {
            return _db.Get(key[..length], CoinDeserializer, Families.Coins);
        }
        catch (RocksDbException e)
        {
            throw RocksDbErrors.Translate(Path, e);
        }
        catch (FormatException e)
        {
            throw new StorageCorruptionException(Path, $"a record of the {ChainStateColumns.Coins} family cannot be read ({e.Message})", e);
        }
    }

    public bool HaveCoin(OutPoint outPoint)
    {
        Span<byte> key = stackalloc byte[CoinKey.MaxLength];
        var length = CoinKey.Write(outPoint, key);
        try
        {
            return _db.HasKey(key[..length], Families.Coins);
        }
        catch (RocksDbException e)
        {
            throw RocksDbErrors.Translate(Path, e);
        }
    }

    /// <summary>
    /// The whole coins set in Core's key order (by txid, a transaction's outputs together) from one snapshot, so it
    /// stays consistent while commits go on.
    /// </summary>
    public IEnumerable<KeyValuePair<OutPoint, Coin>> ReadCoins()
    {
        foreach (var (key, value) in Scan(Families.Coins))
        {
            yield return Decode(
                ChainStateColumns.Coins,
                () => new KeyValuePair<OutPoint, Coin>(CoinKey.Read(key), CoinSerializer.Read(value)));
        }
    }

    /// <summary>The undo data stored for a block, as the chain manager serialized it.</summary>
    public byte[]? GetUndo(uint256 blockHash)
    {
        ArgumentNullException.ThrowIfNull(blockHash);
        Span<byte> key = stackalloc byte[32];
        blockHash.ToBytes(key, true);
        return Get(key, Families.Undo);
    }

    /// <summary>The block the coins are consistent with; null on a new database or while a multi-batch flush is unfinished.</summary>
    public uint256? GetBestBlock()
    {
        var value = GetMeta(MetaKeys.BestBlock);
        return value is null ? null : Decode(ChainStateColumns.Meta, () => MetaRecords.ReadHash(value));
    }

    /// <summary>Non-null when a flush split over several batches was interrupted; see <see cref="HeadBlocks"/>.</summary>
    public HeadBlocks? GetHeadBlocks()
    {
        var value = GetMeta(MetaKeys.HeadBlocks);
        return value is null ? null : Decode(ChainStateColumns.Meta, () => MetaRecords.ReadHeadBlocks(value));
    }

    /// <summary>True while a -reindex has not finished (see <see cref="ChainStateBatch.SetReindexing"/>).</summary>
    public bool IsReindexing() => GetMeta(MetaKeys.Reindexing) is not null;

    /// <summary>True once any block file has been pruned; such a node cannot go back to unpruned mode without -reindex.</summary>
    public bool HavePruned() => GetMeta(MetaKeys.HavePruned) is not null;

    /// <summary>
    /// The coins and the block they are consistent with, read from one snapshot, for walks of the whole UTXO set
    /// (gettxoutsetinfo) while the chain goes on. Dispose it when done.
    /// </summary>
    public CoinsSnapshot OpenCoinsSnapshot()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var snapshot = _db.CreateSnapshot();
        try
        {
            var readOptions = new ReadOptions().SetSnapshot(snapshot).SetFillCache(false);
            var best = _db.Get([MetaKeys.BestBlock], Families.Meta, readOptions);
            var bestBlock = best is null ? null : Decode(ChainStateColumns.Meta, () => MetaRecords.ReadHash(best));
            return new CoinsSnapshot(this, snapshot, readOptions, bestBlock);
        }
        catch (RocksDbException e)
        {
            snapshot.Dispose();
            throw RocksDbErrors.Translate(Path, e);
        }
    }

    /// <summary>
    /// Deletes every coin, every undo record and the best-block marker (-reindex-chainstate), keeping the block
    /// index; the coins are then rebuilt by connecting the stored blocks again.
    /// </summary>
    public void ClearChainState()
    {
        foreach (var family in new[] { Families.Coins, Families.Undo })
        {
            using var batch = CreateBatch();
            foreach (var (key, _) in Scan(family))
            {
                batch.WriteBatch.Delete(key, family);
                if (batch.Count >= 10_000)
                {
                    Commit(batch, WriteDurability.SurvivesProcessCrash);
                    batch.Clear();
                }
            }

            Commit(batch, WriteDurability.SurvivesProcessCrash);
        }

        using var meta = CreateBatch();
        meta.WriteBatch.Delete([MetaKeys.BestBlock], Families.Meta);
        meta.WriteBatch.Delete([MetaKeys.HeadBlocks], Families.Meta);
        Commit(meta, WriteDurability.SurvivesPowerLoss);
    }

    internal IEnumerable<KeyValuePair<OutPoint, Coin>> ReadCoins(ReadOptions readOptions)
    {
        using var iterator = _db.NewIterator(Families.Coins, readOptions);
        for (iterator.SeekToFirst(); iterator.Valid(); iterator.Next())
        {
            var key = iterator.Key();
            var value = iterator.Value();
            yield return Decode(
                ChainStateColumns.Coins,
                () => new KeyValuePair<OutPoint, Coin>(CoinKey.Read(key), CoinSerializer.Read(value)));
        }

        try
        {
            Native.Instance.rocksdb_iter_get_error(iterator.Handle);
        }
        catch (RocksDbException e)
        {
            throw RocksDbErrors.Translate(Path, e);
        }
    }

    public BlockFileCursor? GetBlockFileCursor()
    {
        var value = GetMeta(MetaKeys.BlockFileCursor);
        return value is null ? null : Decode(ChainStateColumns.Meta, () => MetaRecords.ReadCursor(value));
    }

    /// <summary>A RocksDB property such as "rocksdb.stats" or "rocksdb.estimate-live-data-size", for diagnostics and metrics.</summary>
    public string? GetProperty(string name, string family = ChainStateColumns.Coins)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _db.GetProperty(name, Families.Get(family));
    }

    /// <summary>
    /// Writes every memtable to table files, so the next start-up has no write-ahead log to replay. Called on a
    /// clean shutdown to keep restarts fast; durability never depends on it.
    /// </summary>
    public void FlushMemtables()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var flush = new FlushOptions().SetWaitForFlush(true);
        var handles = Families.All.Select(h => h.Handle).ToArray();
        try
        {
            Native.Instance.rocksdb_flush_cfs(_db.Handle, flush.Handle, handles, handles.Length);
        }
        catch (RocksDbException e)
        {
            throw RocksDbErrors.Translate(Path, e);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _db.Dispose();
        GC.KeepAlive(_tuning);
    }

    private void CheckSchemaVersion(bool existed)
    {
        var value = GetMeta(MetaKeys.SchemaVersion);
        if (value is null)
        {
            // The version is the first record of every database; an existing one without it lost records. RocksDB
            // opens a truncated MANIFEST as an older, even empty, database, so this is the check that catches it.
            if (existed || Scan(Families.BlockIndex).Any() || Scan(Families.Coins).Any() || GetMeta(MetaKeys.BestBlock) is not null)
            {
                throw new StorageCorruptionException(Path, "the database has lost its format version record, so it lost other records too");
            }

            using var batch = CreateBatch();
            batch.PutSchemaVersion(SchemaVersion);
            Commit(batch, WriteDurability.SurvivesPowerLoss);
            return;
        }

        var version = Decode(ChainStateColumns.Meta, () => MetaRecords.ReadVersion(value));
        if (version != SchemaVersion)
        {
            throw new StorageCorruptionException(Path, $"the database has format version {version}, this faithcoind reads version {SchemaVersion}");
        }
    }

    private byte[]? GetMeta(byte key) => Get([key], Families.Meta);

    private byte[]? Get(ReadOnlySpan<byte> key, ColumnFamilyHandle family)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            return _db.Get(key, family);
        }
        catch (RocksDbException e)
        {
            throw RocksDbErrors.Translate(Path, e);
        }
    }

    private IEnumerable<(byte[] Key, byte[] Value)> Scan(ColumnFamilyHandle family)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var snapshot = _db.CreateSnapshot();
        var readOptions = new ReadOptions().SetSnapshot(snapshot).SetFillCache(false);
        using var iterator = _db.NewIterator(family, readOptions);
        for (iterator.SeekToFirst(); iterator.Valid(); iterator.Next())
        {
            yield return (iterator.Key(), iterator.Value());
        }

        try
        {
            // An iterator stops early on a damaged table; this is where RocksDB tells us it did.
            Native.Instance.rocksdb_iter_get_error(iterator.Handle);
        }
        catch (RocksDbException e)
        {
            throw RocksDbErrors.Translate(Path, e);
        }
    }

    private T Decode<T>(string family, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            throw new StorageCorruptionException(Path, $"a record of the {family} family cannot be read ({e.Message})", e);
        }
    }
}
