using Faithcoin.Consensus.Validation;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// What became of a relayed transaction. <see cref="Error"/> is an invalid or policy-refused transaction:
/// 0.15 answers it with a reject message (BIP61 codes) and charges its DoS score. <see cref="InternalReason"/>
/// is a refusal 0.15 keeps to itself (missing inputs, REJECT_INTERNAL codes such as already known or mempool
/// full, or no mempool at all): logged, no reject, no penalty.
/// </summary>
public sealed record TransactionAcceptResult(bool Accepted, ValidationError? Error, string? InternalReason)
{
    public static TransactionAcceptResult Accept() => new(true, null, null);

    public static TransactionAcceptResult Rejected(ValidationError error) => new(false, error, null);

    public static TransactionAcceptResult NotAccepted(string internalReason) => new(false, null, internalReason);
}
