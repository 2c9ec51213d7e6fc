using Faithcoin.Node.Storage;
using NBitcoin;
using RocksDbSharp;

namespace Faithcoin.Node.Indexes;

/// <summary>
/// The transaction index's own RocksDB at &lt;chain folder&gt;/indexes/txindex: 't' + txid → <see cref="TransactionPosition"/>,
/// and 'B' → the last block whose transactions are all in. A block's entries and the new marker are written in one
/// batch, so after a kill the marker never names a block whose entries are missing.
/// </summary>
public sealed class TransactionIndexStore : IDisposable
{
    private const byte EntryPrefix = (byte)'t';
    private static readonly byte[] BestBlockKey = [(byte)'B'];
    private readonly RocksDb db;
    private readonly WriteOptions writeOptions = new WriteOptions().SetSync(false);
    private bool disposed;

    private TransactionIndexStore(string path, RocksDb db)
    {
        Path = path;
        this.db = db;
    }

    public string Path { get; }

    /// <summary>Opens or creates the index; damage surfaces as <see cref="StorageCorruptionException"/>.</summary>
    public static TransactionIndexStore Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(path);

        // Small memtables and cache: the index is written once per block and read only by look-ups.
        var options = new DbOptions()
            .SetCreateIfMissing(true)
            .SetMaxOpenFiles(64)
            .SetWriteBufferSize(2 * ChainStateOptions.MiB)
            .SetMaxWriteBufferNumber(2)
            .SetCompression(Compression.No);
        try
        {
            return new TransactionIndexStore(path, RocksDb.Open(options, path));
        }
        catch (RocksDbException e)
        {
            throw RocksDbErrors.Translate(path, e);
        }
    }

    /// <summary>The last block fully indexed, or null on a new index.</summary>
    public uint256? GetBestBlock()
    {
        var value = Get(BestBlockKey);
        return value is null ? null : Decode(() => MetaRecords.ReadHash(value));
    }

    public TransactionPosition? Find(uint256 txid)
    {
        ArgumentNullException.ThrowIfNull(txid);
        var value = Get(EntryKey(txid));
        return value is null ? null : Decode(() => TransactionPosition.Deserialize(value));
    }

    /// <summary>Adds a block's transactions and moves the marker to it, atomically.</summary>
    public void WriteBlock(uint256 blockHash, IEnumerable<(uint256 Txid, TransactionPosition Position)> entries)
    {
        ArgumentNullException.ThrowIfNull(blockHash);
        ArgumentNullException.ThrowIfNull(entries);
        using var batch = new WriteBatch();
        foreach (var (txid, position) in entries)
        {
            batch.Put(EntryKey(txid), position.Serialize());
        }

        batch.Put(BestBlockKey, blockHash.ToBytes(true));
        Write(batch);
    }

    /// <summary>Moves the marker back after a disconnection; entries stay, a look-up checks the block's chain.</summary>
    public void SetBestBlock(uint256 blockHash) => WriteBlock(blockHash, []);

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            db.Dispose();
        }
    }

    private static byte[] EntryKey(uint256 txid)
    {
        var key = new byte[33];
        key[0] = EntryPrefix;
        txid.ToBytes(key.AsSpan(1), true);
        return key;
    }

    private void Write(WriteBatch batch)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        try
        {
            db.Write(batch, writeOptions);
        }
        catch (RocksDbException e)
        {
            throw RocksDbErrors.Translate(Path, e);
        }
    }

    private byte[]? Get(byte[] key)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        try
        {
            return db.Get(key);
        }
        catch (RocksDbException e)
        {
            throw RocksDbErrors.Translate(Path, e);
        }
    }

    private T Decode<T>(Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (FormatException e)
        {
            throw new StorageCorruptionException(Path, $"a transaction index record cannot be read ({e.Message})", e);
        }
    }
}
