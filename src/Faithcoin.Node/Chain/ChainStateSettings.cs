using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>The chain state options of the original daemon, validated (see the configuration binder).</summary>
public sealed record ChainStateSettings
{
    /// <summary>
    /// -dbcache default in MiB. 0.15 uses 300, sized for a desktop; faithcoind must fit a 512 MiB container next to
    /// the runtime, RocksDB (8 MiB cache + 24 MiB memtables) and the mempool, and import the fixture under 150 MiB
    /// RSS. 50 MiB keeps ~130,000 cached coins, far more than a block touches, so flushes stay rare.
    /// </summary>
    public const int DefaultDbCacheMiB = 50;

    /// <summary>Core's nMinDbCache / nMaxDbCache (64-bit).</summary>
    public const int MinDbCacheMiB = 4;
    public const int MaxDbCacheMiB = 16384;

    /// <summary>RocksDB's block cache is taken from -dbcache; the rest is the coins cache.</summary>
    public const int DatabaseCacheMiB = 8;

    public int DbCacheMiB { get; init; } = DefaultDbCacheMiB;

    /// <summary>Script check threads after resolving -par (1 = checks on the connecting thread).</summary>
    public int ScriptThreads { get; init; } = 1;

    /// <summary>-assumevalid: scripts of its ancestors are not checked; null disables it (-assumevalid=0).</summary>
    public uint256? AssumeValid { get; init; }

    /// <summary>-checkblockindex: check the block tree's invariants after every change (regtest default on).</summary>
    public bool CheckBlockIndex { get; init; }

    public IReadOnlyList<string> LoadBlockFiles { get; init; } = [];

    public bool Reindex { get; init; }

    public bool ReindexChainState { get; init; }

    public bool TxIndex { get; init; }

    /// <summary>-prune: 0 off, 1 manual pruning (pruneblockchain), otherwise the automatic target in MiB (at least 550).</summary>
    public long PruneMiB { get; init; }

    /// <summary>Core's MAX_BLOCKFILE_SIZE; -fastprune makes it 64 KiB so tests see many files.</summary>
    public long MaxBlockFileSize { get; init; } = 128L * 1024 * 1024;

    public bool PruneMode => PruneMiB != 0;

    /// <summary>0.15's nPruneTarget: -prune in bytes; manual mode (-prune=1) never prunes on its own. Tests may set a smaller one.</summary>
    public long PruneTargetBytes
    {
        get => pruneTargetBytes ?? (PruneMiB == 1 ? long.MaxValue : PruneMiB * 1024 * 1024);
        init => pruneTargetBytes = value;
    }

    private readonly long? pruneTargetBytes;

    public bool CheckpointsEnabled { get; init; } = true;

    /// <summary>Core's DATABASE_WRITE_INTERVAL: the coins are written at least this often while blocks connect.</summary>
    public TimeSpan PeriodicFlushInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>-maxtipage: a tip older than this keeps the node in initial block download.</summary>
    public TimeSpan MaxTipAge { get; init; } = TimeSpan.FromHours(24);

    public long CoinsCacheBytes => Math.Max(2L, DbCacheMiB - DatabaseCacheMiB) * 1024 * 1024;
}
