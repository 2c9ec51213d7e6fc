using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// The newest block announced before it was connected, kept with its compact form (0.15's most_recent_block,
/// most_recent_compact_block and fWitnessesPresentInMostRecentCompactBlock) so announcing and serving it needs
/// neither the disk nor the chain, which is busy connecting it.
/// </summary>
public sealed class RecentCompactBlock
{
    public RecentCompactBlock(ChainedHeader header, Block block, bool witnessEnabled)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(block);
        Header = header;
        Block = block;
        WitnessEnabled = witnessEnabled;

        // Built once with wtxids, as 0.15 does; version-1 peers get it too while segwit does not apply (then txid = wtxid).
        Compact = HeaderAndShortIds.FromBlock(block, useWtxid: true);
    }

    public ChainedHeader Header { get; }

    public Block Block { get; }

    /// <summary>Segwit applies to the block, so its short ids may differ from txid-based ones.</summary>
    public bool WitnessEnabled { get; }

    public HeaderAndShortIds Compact { get; }

    /// <summary>The cached compact block when its short ids suit the peer, else one built for it from the cached block.</summary>
    public HeaderAndShortIds For(bool peerWantsWitness) =>
        peerWantsWitness || !WitnessEnabled ? Compact : HeaderAndShortIds.FromBlock(Block, useWtxid: false);
}
