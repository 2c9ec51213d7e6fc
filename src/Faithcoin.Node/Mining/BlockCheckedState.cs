using Faithcoin.Consensus.Validation;

namespace Faithcoin.Node.Mining;

/// <summary>
/// The validation state the chain reported for a submitted block (0.15's BlockChecked signal): valid, invalid
/// with a reject reason, or a system error (a disk or database failure, not the block's fault).
/// </summary>
public sealed record BlockCheckedState(BlockCheckedKind Kind, string RejectReason)
{
    public static BlockCheckedState Valid { get; } = new(BlockCheckedKind.Valid, string.Empty);

    public static BlockCheckedState Invalid(ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(BlockCheckedKind.Invalid, error.Reason);
    }

    public static BlockCheckedState Error(string reason) => new(BlockCheckedKind.Error, reason ?? string.Empty);
}
