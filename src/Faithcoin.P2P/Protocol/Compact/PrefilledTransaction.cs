using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>A transaction sent in full inside a cmpctblock, at its absolute position in the block (the wire carries the difference).</summary>
public sealed record PrefilledTransaction(int Index, Transaction Transaction);
