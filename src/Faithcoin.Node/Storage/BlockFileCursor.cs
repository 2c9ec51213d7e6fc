namespace Faithcoin.Node.Storage;

/// <summary>
/// The append position of the block files: the next block goes into blk<see cref="FileNumber"/>.dat at
/// <see cref="Offset"/>. Written in the same batch as the index records that point below it, so after a crash
/// every byte beyond it belongs to no indexed block.
/// </summary>
public readonly record struct BlockFileCursor(int FileNumber, long Offset)
{
    public static BlockFileCursor Start => new(0, 0);
}
