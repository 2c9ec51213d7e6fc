using Faithcoin.Consensus.Chain;

namespace Faithcoin.P2P.Protocol.Sync;

/// <summary>A block requested from a peer and not yet received (0.15's QueuedBlock; we only ask for blocks whose header we have).</summary>
public sealed record QueuedBlock(ChainedHeader Header, long PeerId);
