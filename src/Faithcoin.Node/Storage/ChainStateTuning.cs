using RocksDbSharp;

namespace Faithcoin.Node.Storage;

/// <summary>
/// RocksDB options for a small machine with an SD card: bounded memory (shared block cache holding index and filter
/// blocks, small memtables under one cap), few open files, a bounded write-ahead log and little info logging.
/// The object owns the native option handles and must outlive the database opened with them.
/// </summary>
public sealed class ChainStateTuning
{
    private const int BloomBitsPerKey = 10;
    private readonly ChainStateOptions _options;
    private readonly Cache _blockCache;

    // Table options take ownership of their filter policy, so each family gets its own; kept here so none is finalized early.
    private readonly List<BloomFilterPolicy> _blooms = [];
    private readonly List<BlockBasedTableOptions> _tables = [];

    public ChainStateTuning(ChainStateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _blockCache = Cache.CreateLru((ulong)options.BlockCacheBytes);
        DbOptions = CreateDbOptions();
        ColumnFamilies = CreateColumnFamilies();
    }

    public DbOptions DbOptions { get; }

    public ColumnFamilies ColumnFamilies { get; }

    public Cache BlockCache => _blockCache;

    /// <summary>Options for a family of large values written once and read rarely (undo data, or block bodies if kept here).</summary>
    public ColumnFamilyOptions CreateLargeValueFamily(Compression compression) =>
        CreateFamily(_options.CoinsWriteBufferBytes / 2, compression, bloom: false);

    private DbOptions CreateDbOptions()
    {
        var options = new DbOptions()
            .SetCreateIfMissing(_options.CreateIfMissing)
            .SetCreateMissingColumnFamilies(_options.CreateIfMissing)
            .SetParanoidChecks(true)
            .SetMaxOpenFiles(_options.MaxOpenFiles)
            .SetDbWriteBufferSize((ulong)_options.TotalWriteBufferBytes)
            .SetMaxTotalWalSize((ulong)_options.MaxWriteAheadLogBytes)
            .SetWalRecoveryMode(Recovery.PointInTime)
            .SetMaxBackgroundCompactions(1)
            .SetMaxBackgroundFlushes(1)
            .SetInfoLogLevel(InfoLogLevel.Warn)
            .SetMaxLogFileSize(1024 * 1024)
            .SetKeepLogFileNum(2)
            .SetStatsDumpPeriodSec(0)
            .SetBytesPerSync(1024 * 1024);

        // Every flush then cuts all families at one sequence number, so any version RocksDB can recover (even an older
        // one, from a damaged MANIFEST) has coins, index and best-block marker from the same moment.
        Native.Instance.rocksdb_options_set_atomic_flush(options.Handle, 1);
        return options;
    }

    private ColumnFamilies CreateColumnFamilies()
    {
        var small = _options.CoinsWriteBufferBytes / 8;
        var families = new ColumnFamilies(CreateFamily(small, Compression.No, bloom: false))
        {
            { ChainStateColumns.BlockIndex, CreateFamily(_options.CoinsWriteBufferBytes / 4, Compression.No, bloom: true) },
            { ChainStateColumns.Coins, CreateFamily(_options.CoinsWriteBufferBytes, _options.Compression, bloom: true) },
            { ChainStateColumns.Undo, CreateLargeValueFamily(_options.Compression) },
            { ChainStateColumns.Meta, CreateFamily(small, Compression.No, bloom: false) },
        };
        return families;
    }

    private ColumnFamilyOptions CreateFamily(long writeBufferBytes, Compression compression, bool bloom)
    {
        // The block cache, filter and table factory go in through Native, not the wrappers' setters: those keep their
        // arguments alive in a `dynamic` property bag, which alone loads Microsoft.CSharp and System.Linq.Expressions
        // and JIT-compiles call-site binders, a few MiB of resident memory for three pointer assignments. This object
        // keeps the arguments alive instead.
        var table = new BlockBasedTableOptions()
            .SetCacheIndexAndFilterBlocks(true)
            .SetPinL0FilterAndIndexBlocksInCache(true)
            .SetFormatVersion(5);
        _tables.Add(table);
        Native.Instance.rocksdb_block_based_options_set_block_cache(table.Handle, _blockCache.Handle);
        if (bloom)
        {
            // Coin and header look-ups often ask for keys that do not exist (new outputs, unknown blocks).
            var filter = BloomFilterPolicy.Create(BloomBitsPerKey, false);
            _blooms.Add(filter);
            Native.Instance.rocksdb_block_based_options_set_filter_policy(table.Handle, filter.Handle);
        }

        var family = new ColumnFamilyOptions()
            .SetWriteBufferSize((ulong)writeBufferBytes)
            .SetMaxWriteBufferNumber(2)
            .SetCompression(compression)
            .SetLevelCompactionDynamicLevelBytes(true);
        Native.Instance.rocksdb_options_set_block_based_table_factory(family.Handle, table.Handle);
        return family;
    }
}
