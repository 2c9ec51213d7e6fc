using Faithcoin.Consensus.Validation;

namespace Faithcoin.P2P.Protocol;

/// <summary>What became of a block: whether it was new to us, or why it is invalid.</summary>
public sealed record BlockAcceptResult(bool IsNew, ValidationError? Error)
{
    public static BlockAcceptResult Accepted(bool isNew) => new(isNew, null);

    public static BlockAcceptResult Rejected(ValidationError error) => new(false, error);
}
