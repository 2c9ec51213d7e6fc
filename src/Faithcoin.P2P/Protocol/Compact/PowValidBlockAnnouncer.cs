using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// 0.15's PeerLogicValidation::NewPoWValidBlock: a block on top of our tip that passed the checks before
/// connecting is cached in compact form and left with every high-bandwidth peer for its next SendMessages pass
/// (<see cref="CompactBlockSender.SendFastAnnouncement"/> decides there, under the peer's gate), so it goes out
/// while the chain is still connecting it.
/// </summary>
public sealed class PowValidBlockAnnouncer
{
    private readonly IChainSource chain;
    private readonly RecentCompactBlockCache cache;
    private readonly PeerTable peers;

    public PowValidBlockAnnouncer(IChainSource chain, RecentCompactBlockCache cache, PeerTable peers)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(peers);
        this.chain = chain;
        this.cache = cache;
        this.peers = peers;
    }

    /// <summary>Caches the block and returns the ids of the peers to wake; empty when it is not above the last one announced.</summary>
    public IReadOnlyList<long> NewPoWValidBlock(ChainedHeader header, Block block)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(block);
        var witnessEnabled = (chain.GetAvailability(header) & BlockAvailability.WitnessActive) != 0;
        if (cache.Offer(header, block, witnessEnabled) is not { } recent)
        {
            return [];
        }

        var woken = new List<long>();
        foreach (var peer in peers.All)
        {
            // Only high-bandwidth peers can take it; the rest hear of the block once it is the tip.
            if (peer.State.Compact.PreferHeaderAndIds)
            {
                peer.State.Compact.OfferFastAnnouncement(recent);
                woken.Add(peer.Id);
            }
        }

        return woken;
    }
}
