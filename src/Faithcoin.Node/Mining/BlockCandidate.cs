using NBitcoin;

namespace Faithcoin.Node.Mining;

/// <summary>A transaction offered for the next block, with what the mempool knows about it.</summary>
/// <param name="Fee">Inputs minus outputs, in satoshis.</param>
/// <param name="SigOpsCost">GetTransactionSigOpCost: legacy and P2SH sigops x 4 plus witness sigops.</param>
public sealed record BlockCandidate(Transaction Transaction, long Fee, long SigOpsCost);
