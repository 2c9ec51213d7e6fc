namespace Faithcoin.Node.Chain;

/// <summary>
/// submitblock's answer as 0.15 gives it (BIP22): null for a block that became valid, else "duplicate",
/// "duplicate-invalid", "duplicate-inconclusive", "inconclusive", "rejected" or the reject reason.
/// </summary>
public sealed record SubmitBlockOutcome(string? Result)
{
    public bool IsValid => Result is null;
}
