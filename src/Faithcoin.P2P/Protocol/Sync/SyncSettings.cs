using Faithcoin.Consensus.Chain;

namespace Faithcoin.P2P.Protocol.Sync;

/// <summary>
/// The constants of 0.15's block download (net_processing.cpp and validation.h), with the ones that scale with
/// the block interval worked out for the chain's target spacing (150 s for faithcoin).
/// </summary>
public sealed record SyncSettings
{
    /// <summary>MAX_BLOCKS_IN_TRANSIT_PER_PEER.</summary>
    public int MaxBlocksInTransitPerPeer { get; init; } = 16;

    /// <summary>BLOCK_DOWNLOAD_WINDOW: how far past the last block we have in common with a peer we fetch.</summary>
    public int BlockDownloadWindow { get; init; } = 1024;

    /// <summary>BLOCK_STALLING_TIMEOUT: how long the peer holding the window's first block may keep it stuck.</summary>
    public TimeSpan BlockStallingTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>BLOCK_DOWNLOAD_TIMEOUT_BASE (one block interval) for the first block in flight from a peer.</summary>
    public TimeSpan BlockDownloadTimeoutBase { get; init; } = TimeSpan.FromSeconds(150);

    /// <summary>BLOCK_DOWNLOAD_TIMEOUT_PER_PEER (half a block interval) per other peer we download from.</summary>
    public TimeSpan BlockDownloadTimeoutPerPeer { get; init; } = TimeSpan.FromSeconds(75);

    /// <summary>HEADERS_DOWNLOAD_TIMEOUT_BASE.</summary>
    public TimeSpan HeadersDownloadTimeoutBase { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>HEADERS_DOWNLOAD_TIMEOUT_PER_HEADER, per header expected between our best header and now.</summary>
    public TimeSpan HeadersDownloadTimeoutPerHeader { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>nPowTargetSpacing, to estimate how many headers are missing.</summary>
    public TimeSpan TargetSpacing { get; init; } = TimeSpan.FromSeconds(150);

    /// <summary>nMinimumChainWork: a peer whose best block has less work has nothing we download.</summary>
    public System.Numerics.BigInteger MinimumChainWork { get; init; }

    /// <summary>The 0.15 values for a chain, with the window and stalling timeout from the options.</summary>
    public static SyncSettings For(ChainParams chain, P2POptions options)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(options);
        var spacing = TimeSpan.FromSeconds(chain.Consensus.PowTargetSpacing);
        return new SyncSettings
        {
            BlockDownloadWindow = options.BlockDownloadWindow,
            BlockStallingTimeout = options.BlockStallingTimeout,
            BlockDownloadTimeoutBase = spacing,
            BlockDownloadTimeoutPerPeer = spacing / 2,
            TargetSpacing = spacing,
            MinimumChainWork = Faithcoin.Consensus.Pow.CompactTarget.ToBigInteger(chain.Consensus.MinimumChainWork),
        };
    }
}
