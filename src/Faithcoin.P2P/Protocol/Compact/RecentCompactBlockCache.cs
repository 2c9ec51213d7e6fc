using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// Holds the one <see cref="RecentCompactBlock"/> and the height last announced early (0.15's
/// nHighestFastAnnounce): a PoW-valid block no higher than that is not announced again, so a competing block at
/// the same height never goes out ahead of the one we already relayed. Written by the chain's notification
/// thread, read by every peer's.
/// </summary>
public sealed class RecentCompactBlockCache
{
    private readonly Lock gate = new();
    private RecentCompactBlock? latest;
    private int highestFastAnnounce;

    /// <summary>Caches the block and returns it, or null (nothing changes) when its height is not above the last one.</summary>
    public RecentCompactBlock? Offer(ChainedHeader header, Block block, bool witnessEnabled)
    {
        ArgumentNullException.ThrowIfNull(header);
        lock (gate)
        {
            if (header.Height <= highestFastAnnounce)
            {
                return null;
            }

            highestFastAnnounce = header.Height;
        }

        // Short ids hash every transaction; not under the lock readers take.
        var recent = new RecentCompactBlock(header, block, witnessEnabled);
        lock (gate)
        {
            if (latest is null || latest.Header.Height < header.Height)
            {
                latest = recent;
            }
        }

        return recent;
    }

    /// <summary>The cached block when it is the one asked for.</summary>
    public RecentCompactBlock? Find(uint256 hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        lock (gate)
        {
            return latest is not null && latest.Header.HashBlock == hash ? latest : null;
        }
    }
}
