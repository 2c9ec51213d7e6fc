using RocksDbSharp;

namespace Faithcoin.Node.Storage;

/// <summary>
/// Sizes for the chain state database. The defaults keep RocksDB's own memory near 40 MiB (block cache plus at
/// most two memtables per column family, capped overall by <see cref="TotalWriteBufferBytes"/>), inside a node that
/// must fit in 512 MiB next to the coins cache.
/// </summary>
public sealed record ChainStateOptions(string Path)
{
    public const long MiB = 1024 * 1024;

    /// <summary>LRU cache shared by every column family; index and filter blocks live in it, so it bounds them too.</summary>
    public long BlockCacheBytes { get; init; } = 8 * MiB;

    /// <summary>Memtable size of the coins family; the other families use a quarter or less.</summary>
    public long CoinsWriteBufferBytes { get; init; } = 8 * MiB;

    /// <summary>Cap over all memtables: a flush starts when they together reach it.</summary>
    public long TotalWriteBufferBytes { get; init; } = 24 * MiB;

    /// <summary>
    /// Bound on the write-ahead log. The meta family is written on every commit but its memtable fills slowly, so
    /// without a bound it would keep every log file alive; the bound also caps the replay time at start-up.
    /// </summary>
    public long MaxWriteAheadLogBytes { get; init; } = 32 * MiB;

    public int MaxOpenFiles { get; init; } = 128;

    /// <summary>Compression of the coins and undo families; see the storage README for the measurement behind the default.</summary>
    public Compression Compression { get; init; } = Compression.Lz4;

    public bool CreateIfMissing { get; init; } = true;
}
