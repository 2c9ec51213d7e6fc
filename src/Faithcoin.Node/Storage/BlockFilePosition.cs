namespace Faithcoin.Node.Storage;

/// <summary>
/// Where a block's bytes are: file blk<see cref="FileNumber"/>.dat, <see cref="Offset"/> of the first block byte
/// (just after the 8-byte message start and size prefix, like Core's nDataPos), and the block's length.
/// </summary>
public readonly record struct BlockFilePosition(int FileNumber, long Offset, int Length)
{
    public override string ToString() => $"blk{FileNumber:D5}.dat@{Offset}+{Length}";
}
