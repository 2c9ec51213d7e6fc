namespace Faithcoin.Consensus.Validation;

/// <summary>
/// Why a header, block or transaction was refused, as Litecoin 0.15's CValidationState carries it: the reject
/// reason string that peers and RPC callers compare, the misbehaviour score for the peer that sent it, and
/// whether the data may merely be corrupted in transit (then the peer is not punished and the block is not
/// marked invalid for good).
/// </summary>
public sealed record ValidationError(
    string Reason,
    int DoS,
    RejectCode Code = RejectCode.Invalid,
    bool CorruptionPossible = false,
    string? Debug = null)
{
    public override string ToString() => Debug is null ? Reason : $"{Reason} ({Debug})";
}
