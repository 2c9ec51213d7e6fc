using System.Buffers;
using NBitcoin;
using RocksDbSharp;

using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Storage;

/// <summary>
/// A set of changes across the column families that <see cref="ChainStateDatabase.Commit"/> applies atomically.
/// The chain manager puts a block's coin changes, undo data, index entries, block file cursor and the best-block
/// marker into one batch, so a crash can never leave coins that disagree with the marker. Nothing is visible to
/// readers until the commit; a batch that is never committed leaves no trace.
/// </summary>
public sealed class ChainStateBatch : IDisposable
{
    private readonly ChainStateFamilies _families;
    private readonly ArrayBufferWriter<byte> _value = new(256);

    internal ChainStateBatch(ChainStateFamilies families)
    {
        _families = families;
    }

    /// <summary>Number of puts and deletes so far.</summary>
    public int Count => WriteBatch.Count();

    /// <summary>Bytes the batch holds in memory; a large flush splits when this passes its budget (see <see cref="SetHeadBlocks"/>).</summary>
    public long SizeInBytes => WriteBatch.AsSpan().Length;

    internal WriteBatch WriteBatch { get; } = new();

    public void PutBlockIndex(BlockIndexRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Span<byte> key = stackalloc byte[32];
        record.Hash.ToBytes(key, true);
        _value.ResetWrittenCount();
        BlockIndexRecordSerializer.Write(_value, record);
        WriteBatch.Put(key, _value.WrittenSpan, _families.BlockIndex);
    }

    public void DeleteBlockIndex(uint256 hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        Span<byte> key = stackalloc byte[32];
        hash.ToBytes(key, true);
        WriteBatch.Delete(key, _families.BlockIndex);
    }

    public void PutCoin(OutPoint outPoint, Coin coin)
    {
        ArgumentNullException.ThrowIfNull(coin);
        Span<byte> key = stackalloc byte[CoinKey.MaxLength];
        var keyLength = CoinKey.Write(outPoint, key);
        _value.ResetWrittenCount();
        CoinSerializer.Write(_value, coin);
        WriteBatch.Put(key[..keyLength], _value.WrittenSpan, _families.Coins);
    }

    public void DeleteCoin(OutPoint outPoint)
    {
        Span<byte> key = stackalloc byte[CoinKey.MaxLength];
        var keyLength = CoinKey.Write(outPoint, key);
        WriteBatch.Delete(key[..keyLength], _families.Coins);
    }

    /// <summary>Stores a block's undo data; its bytes are the chain manager's (e.g. the consensus undo serializer's) and stay opaque here.</summary>
    public void PutUndo(uint256 blockHash, ReadOnlySpan<byte> undo)
    {
        ArgumentNullException.ThrowIfNull(blockHash);
        Span<byte> key = stackalloc byte[32];
        blockHash.ToBytes(key, true);
        WriteBatch.Put(key, undo, _families.Undo);
    }

    public void DeleteUndo(uint256 blockHash)
    {
        ArgumentNullException.ThrowIfNull(blockHash);
        Span<byte> key = stackalloc byte[32];
        blockHash.ToBytes(key, true);
        WriteBatch.Delete(key, _families.Undo);
    }

    /// <summary>Records where the block files continue; must go in the batch that stores index entries pointing at new blocks.</summary>
    public void SetBlockFileCursor(BlockFileCursor cursor)
    {
        _value.ResetWrittenCount();
        MetaRecords.WriteCursor(_value, cursor);
        PutMeta(MetaKeys.BlockFileCursor);
    }

    /// <summary>Marks the coins as consistent with <paramref name="hash"/> and clears any unfinished-flush marker.</summary>
    public void SetBestBlock(uint256 hash)
    {
        _value.ResetWrittenCount();
        MetaRecords.WriteHash(_value, hash);
        PutMeta(MetaKeys.BestBlock);
        WriteBatch.Delete([MetaKeys.HeadBlocks], _families.Meta);
    }

    /// <summary>
    /// Opens a flush that is too large for one batch (Core 0.15's DB_HEAD_BLOCKS): commit a batch with this first,
    /// then batches of coins, then a last batch with <see cref="SetBestBlock"/>. Removes the best-block marker so an
    /// interrupted flush can never pass for a finished one.
    /// </summary>
    public void SetHeadBlocks(HeadBlocks heads)
    {
        ArgumentNullException.ThrowIfNull(heads);
        _value.ResetWrittenCount();
        MetaRecords.WriteHeadBlocks(_value, heads);
        PutMeta(MetaKeys.HeadBlocks);
        WriteBatch.Delete([MetaKeys.BestBlock], _families.Meta);
    }

    /// <summary>Sets or clears the marker of an unfinished -reindex, so an interrupted one resumes at the next start.</summary>
    public void SetReindexing(bool reindexing)
    {
        if (reindexing)
        {
            _value.ResetWrittenCount();
            MetaRecords.WriteVersion(_value, 1);
            PutMeta(MetaKeys.Reindexing);
        }
        else
        {
            WriteBatch.Delete([MetaKeys.Reindexing], _families.Meta);
        }
    }

    /// <summary>Records that block files have been pruned; set in the batch that clears the pruned blocks' data flags.</summary>
    public void SetHavePruned()
    {
        _value.ResetWrittenCount();
        MetaRecords.WriteVersion(_value, 1);
        PutMeta(MetaKeys.HavePruned);
    }

    /// <summary>Drops every change so far; the batch can be reused.</summary>
    public void Clear() => WriteBatch.Clear();

    public void Dispose() => WriteBatch.Dispose();

    internal void PutSchemaVersion(int version)
    {
        _value.ResetWrittenCount();
        MetaRecords.WriteVersion(_value, version);
        PutMeta(MetaKeys.SchemaVersion);
    }

    private void PutMeta(byte key) => WriteBatch.Put([key], _value.WrittenSpan, _families.Meta);
}
