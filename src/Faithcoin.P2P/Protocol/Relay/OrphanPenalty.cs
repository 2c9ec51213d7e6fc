using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>An orphan that turned out invalid once its parent arrived, and the peer that had sent it (ProcessOrphanTx).</summary>
public sealed record OrphanPenalty(long PeerId, uint256 Txid, ValidationError Error);
