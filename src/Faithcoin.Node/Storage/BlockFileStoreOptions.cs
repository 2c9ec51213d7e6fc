namespace Faithcoin.Node.Storage;

/// <summary>Where the block files are and how they are framed.</summary>
public sealed record BlockFileStoreOptions(string Directory, ReadOnlyMemory<byte> MessageStart)
{
    /// <summary>Core's MAX_BLOCKFILE_SIZE: a new file starts when the next block would pass it.</summary>
    public long MaxFileSize { get; init; } = 128L * 1024 * 1024;

    /// <summary>Largest block a size prefix may announce (MAX_BLOCK_SERIALIZED_SIZE); a larger one means damage.</summary>
    public int MaxBlockSize { get; init; } = 4_000_000;

    /// <summary>Read handles kept open; older ones are closed first.</summary>
    public int MaxOpenReadFiles { get; init; } = 8;

    /// <summary>Earlier files may be missing because they were pruned; without it a missing file means damage.</summary>
    public bool HavePruned { get; init; }
}
