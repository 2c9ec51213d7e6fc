using Faithcoin.Consensus.Validation;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// What became of a relayed transaction. <see cref="Error"/> is an invalid or policy-refused transaction:
/// 0.15 answers it with a reject message (BIP61 codes) and charges its DoS score. <see cref="InternalReason"/>
/// is a refusal 0.15 keeps to itself (REJECT_INTERNAL codes such as already known or mempool full, or no
/// mempool at all): logged, no reject, no penalty. <see cref="MissingInputs"/> marks an orphan (kept by the
/// pool, its parents asked from the sender). <see cref="ToRelay"/> lists every transaction the call put into
/// the pool, the one sent first and then the orphans it resolved, in the order they entered.
/// </summary>
public sealed record TransactionAcceptResult(bool Accepted, ValidationError? Error, string? InternalReason)
{
    public bool MissingInputs { get; init; }

    public IReadOnlyList<RelayedTransaction> ToRelay { get; init; } = [];

    /// <summary>Orphans this transaction unlocked that proved invalid: their senders are charged, as 0.15 does.</summary>
    public IReadOnlyList<OrphanPenalty> OrphanPenalties { get; init; } = [];

    public static TransactionAcceptResult Accept(IReadOnlyList<RelayedTransaction> toRelay) =>
        new(true, null, null) { ToRelay = toRelay };

    public static TransactionAcceptResult Rejected(ValidationError error) => new(false, error, null);

    public static TransactionAcceptResult NotAccepted(string internalReason) => new(false, null, internalReason);

    /// <summary>An orphan: some inputs are neither in the chain nor in the pool.</summary>
    public static TransactionAcceptResult Orphan() => new(false, null, "missing-inputs") { MissingInputs = true };
}
