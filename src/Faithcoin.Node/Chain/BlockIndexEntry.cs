using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Storage;
using NBitcoin;

namespace Faithcoin.Node.Chain;

/// <summary>
/// A node of the block tree as the node keeps it (Core's CBlockIndex): the header with its height and chain work,
/// plus what the node knows about the block — validity, whether its data is stored and where, its transaction
/// count and the count of the whole chain up to it. Mutated only by the chain manager under its lock; readers see
/// plain fields that are each written atomically.
/// </summary>
public sealed class BlockIndexEntry : ChainedHeader
{
    public BlockIndexEntry(BlockHeader header, uint256 hash, BlockIndexEntry? previous, long creationOrder)
        : base(header, hash, previous)
    {
        CreationOrder = creationOrder;
    }

    public new BlockIndexEntry? Previous => (BlockIndexEntry?)base.Previous;

    public BlockStatus Status { get; internal set; }

    /// <summary>Transactions in this block; 0 while only the header is known.</summary>
    public int TransactionCount { get; internal set; }

    /// <summary>Transactions in the chain up to and including this block; 0 unless this block and all its ancestors have data.</summary>
    public long ChainTransactionCount { get; internal set; }

    /// <summary>Where the block's bytes are, once <see cref="BlockStatus.HaveData"/> is set.</summary>
    public BlockFilePosition? DataPosition { get; internal set; }

    /// <summary>
    /// Order in which the block's data arrived (Core's nSequenceId): among equal-work tips the earlier one wins.
    /// preciousblock hands out negative values to move a block ahead.
    /// </summary>
    public int SequenceId { get; internal set; }

    /// <summary>Creation order of the entry; the final tie-break where Core compares pointers.</summary>
    internal long CreationOrder { get; }

    public bool HaveData => Status.Has(BlockStatus.HaveData);

    public bool IsFailed => Status.IsFailed();

    public new BlockIndexEntry? GetAncestor(int height) => (BlockIndexEntry?)base.GetAncestor(height);

    public bool IsValid(BlockStatus level) => Status.IsValid(level);

    /// <summary>Raises the validity level to <paramref name="level"/>; false when the block is failed or already at least there.</summary>
    internal bool RaiseValidity(BlockStatus level)
    {
        if (IsFailed || Status.Validity() >= level)
        {
            return false;
        }

        Status = (Status & ~BlockStatus.ValidityMask) | level;
        return true;
    }

    /// <summary>True when <paramref name="ancestor"/> is this block or one of its ancestors.</summary>
    public bool DescendsFrom(ChainedHeader ancestor)
    {
        ArgumentNullException.ThrowIfNull(ancestor);
        return ReferenceEquals(GetAncestor(ancestor.Height), ancestor);
    }

    internal BlockIndexRecord ToRecord()
    {
        var header = new byte[BlockHeaderBytes.Size];
        BlockHeaderBytes.Write(Header, header);
        return new BlockIndexRecord(HashBlock, header, Height, Status, TransactionCount, HaveData ? DataPosition : null);
    }
}
