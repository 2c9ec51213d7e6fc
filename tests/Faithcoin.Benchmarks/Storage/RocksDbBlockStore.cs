extern alias FaithcoinNode;

using FaithcoinNode::Faithcoin.Node.Storage;
using NBitcoin;
using RocksDbSharp;

namespace Faithcoin.Benchmarks.Storage;

/// <summary>
/// The candidate that lost: block bodies in their own column family of a database tuned like the chain state (same
/// cache, memtable cap and WAL bound), keyed by block hash, optionally with RocksDB's blob files so large values skip
/// compaction. Kept in the benchmarks only, to reproduce the measurement behind the storage README's decision.
/// </summary>
public sealed class RocksDbBlockStore : IDisposable
{
    private const string Family = "blocks";
    private readonly ChainStateTuning _tuning;
    private readonly RocksDb _db;
    private readonly ColumnFamilyHandle _blocks;
    private readonly WriteOptions _buffered = new WriteOptions().SetSync(false);
    private readonly WriteOptions _synced = new WriteOptions().SetSync(true);

    public RocksDbBlockStore(string path, Compression compression, bool blobFiles)
    {
        _tuning = new ChainStateTuning(new ChainStateOptions(path));
        var familyOptions = _tuning.CreateLargeValueFamily(compression);
        if (blobFiles)
        {
            Native.Instance.rocksdb_options_set_enable_blob_files(familyOptions.Handle, 1);
            Native.Instance.rocksdb_options_set_min_blob_size(familyOptions.Handle, 1024);
            Native.Instance.rocksdb_options_set_blob_compression_type(familyOptions.Handle, (int)compression);
        }

        var families = new ColumnFamilies(new ColumnFamilyOptions()) { { Family, familyOptions } };
        _db = RocksDb.Open(_tuning.DbOptions, path, families);
        _blocks = _db.GetColumnFamily(Family);
    }

    public void Put(uint256 hash, ReadOnlySpan<byte> block, bool sync)
    {
        using var batch = new WriteBatch();
        batch.Put(hash.ToBytes(true), block, _blocks);
        _db.Write(batch, sync ? _synced : _buffered);
    }

    public byte[]? Get(uint256 hash) => _db.Get(hash.ToBytes(true), _blocks);

    /// <summary>Writes the memtables out, as RocksDB eventually must, so their table-file writes are counted.</summary>
    public void FlushMemtables()
    {
        var flush = new FlushOptions().SetWaitForFlush(true);
        Native.Instance.rocksdb_flush_cf(_db.Handle, flush.Handle, _blocks.Handle);
    }

    public string? CompactionStats() => _db.GetProperty("rocksdb.stats", _blocks);

    public void Dispose()
    {
        _db.Dispose();
        GC.KeepAlive(_tuning);
    }
}
