using Faithcoin.Consensus.Validation;

namespace Faithcoin.Node.Chain;

/// <summary>
/// What ProcessNewBlock did with a block: <see cref="Accepted"/> false with <see cref="Error"/> when it was refused
/// before storing (CheckBlock, header rules, ContextualCheckBlock, unknown parent); <see cref="Entry"/> is its index
/// entry when the header was accepted. Whether the block then connected is in its entry's status and in the
/// BlockChecked notification.
/// </summary>
public sealed record ProcessBlockResult(bool Accepted, ValidationError? Error, BlockIndexEntry? Entry, bool NewBlock);
