using NBitcoin;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>A transaction that entered the pool and is to be announced to peers (by txid, as 0.15 announces).</summary>
public sealed record RelayedTransaction(uint256 Txid, uint256 Wtxid, long FeePerKilobyte);
