namespace Faithcoin.Node.Storage;

public static class BlockStatusExtensions
{
    public static BlockStatus Validity(this BlockStatus status) => status & BlockStatus.ValidityMask;

    /// <summary>True when every bit of <paramref name="flags"/> is set (a cheaper, boxing-free Enum.HasFlag).</summary>
    public static bool Has(this BlockStatus status, BlockStatus flags) => (status & flags) == flags;

    public static bool IsFailed(this BlockStatus status) => (status & BlockStatus.FailedMask) != 0;

    /// <summary>True when the validity level is at least <paramref name="level"/> and the block is not marked failed.</summary>
    public static bool IsValid(this BlockStatus status, BlockStatus level) =>
        !status.IsFailed() && status.Validity() >= (level & BlockStatus.ValidityMask);
}
