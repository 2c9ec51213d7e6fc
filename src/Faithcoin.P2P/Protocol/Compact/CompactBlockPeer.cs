using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// One peer's BIP152 state (the compact block fields of 0.15's CNodeState) and the compact blocks being rebuilt
/// from it. Changed only by the holder of the peer's gate, except the announcement flags other threads read and
/// the fast announcement the chain's notification thread leaves.
/// </summary>
public sealed class CompactBlockPeer
{
    private readonly Dictionary<uint256, PartiallyDownloadedBlock> partial = [];
    private ChainedHeader? pendingAnnouncement;
    private RecentCompactBlock? fastAnnouncement;

    /// <summary>fProvidesHeaderAndIDs: the peer sent a sendcmpct version we speak.</summary>
    public bool ProvidesHeaderAndIds { get; private set; }

    /// <summary>fWantsCmpctWitness: its first such sendcmpct was version 2.</summary>
    public bool WantsWitness { get; private set; }

    /// <summary>fSupportsDesiredCmpctVersion: it speaks version 2 when we serve witnesses, else version 1.</summary>
    public bool SupportsDesiredVersion { get; private set; }

    /// <summary>fPreferHeaderAndIDs: high-bandwidth mode, new blocks go to it as cmpctblock.</summary>
    public bool PreferHeaderAndIds { get; private set; }

    /// <summary>ProcessMessage "sendcmpct": the first usable version fixes witness use; later ones only toggle announcements of that version.</summary>
    public void ReceivedSendCmpct(bool announce, ulong version, bool weServeWitness)
    {
        if (!ProvidesHeaderAndIds && (version == 1 || (weServeWitness && version == 2)))
        {
            ProvidesHeaderAndIds = true;
            WantsWitness = version == 2;
        }

        if (WantsWitness == (version == 2))
        {
            PreferHeaderAndIds = announce;
        }

        if (!SupportsDesiredVersion)
        {
            SupportsDesiredVersion = version == (weServeWitness ? 2UL : 1UL);
        }
    }

    /// <summary>A new block to announce as cmpctblock in this SendMessages pass (read from the chain asynchronously).</summary>
    public void AnnounceAsCompactBlock(ChainedHeader header) => pendingAnnouncement = header;

    public ChainedHeader? TakePendingAnnouncement()
    {
        var header = pendingAnnouncement;
        pendingAnnouncement = null;
        return header;
    }

    /// <summary>A PoW-valid block to announce before it connects (left by the chain's notification thread).</summary>
    public void OfferFastAnnouncement(RecentCompactBlock recent) => Volatile.Write(ref fastAnnouncement, recent);

    public RecentCompactBlock? TakeFastAnnouncement() => Interlocked.Exchange(ref fastAnnouncement, null);

    public bool TryGetPartial(uint256 hash, out PartiallyDownloadedBlock block) => partial.TryGetValue(hash, out block!);

    /// <summary>Starts a reconstruction; those the peer no longer has in flight (<paramref name="stillInFlight"/>) are dropped.</summary>
    public void StartPartial(uint256 hash, PartiallyDownloadedBlock block, Func<uint256, bool> stillInFlight)
    {
        ArgumentNullException.ThrowIfNull(stillInFlight);
        foreach (var stale in partial.Keys.Where(h => !stillInFlight(h)).ToList())
        {
            partial.Remove(stale);
        }

        partial[hash] = block;
    }

    public void EndPartial(uint256 hash) => partial.Remove(hash);
}
