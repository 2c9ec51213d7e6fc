using NBitcoin;

namespace Faithcoin.Node.Storage;

/// <summary>
/// The stored form of one block index entry (Core's CDiskBlockIndex): the raw 80-byte header, where the block sits
/// in the chain and in the block files, and how far it has been validated. Chain work and chain transaction counts
/// are recomputed at load, as Core does, so they can never disagree with the headers.
/// </summary>
public sealed class BlockIndexRecord
{
    public const int HeaderSize = 80;

    public BlockIndexRecord(uint256 hash, ReadOnlyMemory<byte> header, int height, BlockStatus status, int transactionCount, BlockFilePosition? data)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegative(transactionCount);
        if (header.Length != HeaderSize)
        {
            throw new ArgumentException("A block header is 80 bytes.", nameof(header));
        }

        if (status.Has(BlockStatus.HaveData) != data.HasValue)
        {
            throw new ArgumentException("A data position is stored exactly when the status says HaveData.", nameof(data));
        }

        Hash = hash;
        Header = header;
        Height = height;
        Status = status;
        TransactionCount = transactionCount;
        Data = data;
    }

    public uint256 Hash { get; }

    /// <summary>The header exactly as hashed: version, previous hash, merkle root, time, bits, nonce.</summary>
    public ReadOnlyMemory<byte> Header { get; }

    public int Height { get; }

    public BlockStatus Status { get; }

    /// <summary>Number of transactions in the block; 0 while only the header is known.</summary>
    public int TransactionCount { get; }

    /// <summary>Where the block's bytes are, when <see cref="Status"/> has <see cref="BlockStatus.HaveData"/>.</summary>
    public BlockFilePosition? Data { get; }

    public uint256 PreviousHash => new(Header.Span.Slice(4, 32));

    public override string ToString() => $"{Hash} at {Height} ({Status})";
}
