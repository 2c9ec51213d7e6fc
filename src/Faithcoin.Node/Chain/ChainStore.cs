using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Coins;
using Faithcoin.Node.Storage;
using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// The chain's files in the network's data folder: block bodies in blocks/blk?????.dat and everything else in the
/// chainstate database. Knows how a block, an index entry and undo data land on disk; not when (the chain manager
/// decides that).
/// </summary>
public sealed class ChainStore : IDisposable
{
    private readonly ChainParams chainParams;
    private bool disposed;

    private ChainStore(ChainParams chainParams, ChainStateDatabase database, BlockFileStore blocks, string blocksDirectory)
    {
        this.chainParams = chainParams;
        Database = database;
        Blocks = blocks;
        BlocksDirectory = blocksDirectory;
    }

    public ChainStateDatabase Database { get; }

    public BlockFileStore Blocks { get; }

    public string BlocksDirectory { get; }

    /// <summary>
    /// Opens (or creates) the chain's storage in <paramref name="chainFolder"/>. With <paramref name="wipeIndex"/>
    /// (-reindex) the database is deleted first; the block files stay, to be read again, except those after the first
    /// gap left by pruning: their blocks cannot connect without the ones before them and would come from peers again.
    /// </summary>
    public static ChainStore Open(
        string chainFolder, ChainParams chainParams, ChainStateOptions? tuning = null, bool wipeIndex = false, long? maxBlockFileSize = null)
    {
        ArgumentNullException.ThrowIfNull(chainFolder);
        ArgumentNullException.ThrowIfNull(chainParams);
        var databasePath = Path.Combine(chainFolder, "chainstate");
        var blocksDirectory = Path.Combine(chainFolder, "blocks");
        if (wipeIndex && Directory.Exists(databasePath))
        {
            Directory.Delete(databasePath, recursive: true);
        }

        if (wipeIndex)
        {
            BlockFileNames.DeleteAfterFirstGap(blocksDirectory);
        }

        var database = ChainStateDatabase.Open((tuning ?? new ChainStateOptions(databasePath)) with { Path = databasePath });
        try
        {
            var messageStart = chainParams.MessageStart.ToArray();
            var options = new BlockFileStoreOptions(blocksDirectory, messageStart) { HavePruned = database.HavePruned() };
            if (maxBlockFileSize is { } maxSize)
            {
                options = options with { MaxFileSize = maxSize };
            }

            var blocks = new BlockFileStore(options, database.GetBlockFileCursor());
            return new ChainStore(chainParams, database, blocks, blocksDirectory);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public BlockFilePosition AppendBlock(ReadOnlySpan<byte> serializedBlock) => Blocks.Append(serializedBlock);

    public byte[] ReadBlockBytes(BlockIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var position = entry.DataPosition ?? throw new InvalidOperationException($"Block {entry.HashBlock} has no stored data.");
        return Blocks.Read(position);
    }

    public Block ReadBlock(BlockIndexEntry entry)
    {
        var bytes = ReadBlockBytes(entry);
        Block block;
        try
        {
            block = Block.Load(bytes, chainParams.Network.Consensus.ConsensusFactory);
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or ArgumentException or InvalidOperationException)
        {
            throw new StorageCorruptionException(BlockFileNames.PathOf(BlocksDirectory, entry.DataPosition!.Value.FileNumber), $"block {entry.HashBlock} does not parse", e);
        }

        if (block.GetHash() != entry.HashBlock)
        {
            throw new StorageCorruptionException(
                BlockFileNames.PathOf(BlocksDirectory, entry.DataPosition!.Value.FileNumber),
                $"the block stored at {entry.DataPosition} is not {entry.HashBlock}");
        }

        return block;
    }

    public BlockUndo ReadUndo(BlockIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var bytes = Database.GetUndo(entry.HashBlock)
                    ?? throw new StorageCorruptionException(Database.Path, $"the undo data of block {entry.HashBlock} is missing");
        try
        {
            return BlockUndo.FromBytes(bytes);
        }
        catch (FormatException e)
        {
            throw new StorageCorruptionException(Database.Path, $"the undo data of block {entry.HashBlock} cannot be read", e);
        }
    }

    /// <summary>
    /// Commits index entries (with the block file cursor, since they may point at new blocks) and undo data in one
    /// batch. With <see cref="WriteDurability.SurvivesPowerLoss"/> the block files are fsynced first.
    /// </summary>
    public void CommitIndex(IReadOnlyCollection<BlockIndexEntry> entries, BlockIndexEntry? undoOwner, BlockUndo? undo, WriteDurability durability)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0 && undo is null)
        {
            return;
        }

        if (durability == WriteDurability.SurvivesPowerLoss)
        {
            Blocks.Flush();
        }

        using var batch = Database.CreateBatch();
        foreach (var entry in entries)
        {
            batch.PutBlockIndex(entry.ToRecord());
        }

        if (undo is not null && undoOwner is not null)
        {
            batch.PutUndo(undoOwner.HashBlock, undo.ToBytes());
        }

        batch.SetBlockFileCursor(Blocks.Cursor);
        Database.Commit(batch, durability);
    }

    /// <summary>
    /// Commits the entries of pruned blocks (data flags cleared) with the deletion of their undo data and the
    /// have-pruned flag, durably, before any file is deleted: after a crash no entry claims a deleted block.
    /// </summary>
    public void CommitPruned(IReadOnlyCollection<BlockIndexEntry> entries, IEnumerable<uint256> prunedBlocks)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(prunedBlocks);
        Blocks.Flush();
        using var batch = Database.CreateBatch();
        foreach (var entry in entries)
        {
            batch.PutBlockIndex(entry.ToRecord());
        }

        foreach (var hash in prunedBlocks)
        {
            batch.DeleteUndo(hash);
        }

        batch.SetBlockFileCursor(Blocks.Cursor);
        batch.SetHavePruned();
        Database.Commit(batch, WriteDurability.SurvivesPowerLoss);
    }

    public void SetReindexing(bool reindexing)
    {
        using var batch = Database.CreateBatch();
        batch.SetReindexing(reindexing);
        Database.Commit(batch, WriteDurability.SurvivesPowerLoss);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            Database.FlushMemtables();
        }
        finally
        {
            Blocks.Dispose();
            Database.Dispose();
        }
    }
}
