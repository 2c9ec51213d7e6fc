using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Protocol.Sync;
using Faithcoin.P2P.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using NBitcoin;

namespace Faithcoin.P2P.Tests.Sync;

/// <summary>The timers of block download, driven with explicit clock values instead of waiting.</summary>
public sealed class BlockDownloadTrackerTests
{
    private static readonly IReadOnlyList<Block> Blocks = RegtestBlocks.Chain300;
    private static readonly DateTimeOffset Now = Blocks[^1].Header.BlockTime.AddMinutes(10);

    [Fact]
    public async Task FirstBlockInFlightTimesOutAfterOneBlockIntervalPlusHalfPerOtherDownloadingPeer()
    {
        var (chain, tracker) = await SetUpAsync(peers: 2);

        Assert.Equal(16, tracker.RequestBlocks(1, Now).Count);
        Assert.Null(tracker.CheckTimeouts(1, Now.AddSeconds(149), whitelisted: false));
        Assert.StartsWith("timeout downloading block", tracker.CheckTimeouts(1, Now.AddSeconds(151), whitelisted: false));

        Assert.Equal(16, tracker.RequestBlocks(2, Now).Count);
        Assert.Null(tracker.CheckTimeouts(1, Now.AddSeconds(224), whitelisted: false));
        Assert.NotNull(tracker.CheckTimeouts(1, Now.AddSeconds(226), whitelisted: false));
        Assert.NotNull(chain);
    }

    [Fact]
    public async Task PeerHoldingTheFullWindowBackIsReportedStallingAfterTwoSeconds()
    {
        var (chain, tracker) = await SetUpAsync(peers: 2, window: 32);
        var first = tracker.RequestBlocks(1, Now);
        var second = tracker.RequestBlocks(2, Now);
        foreach (var header in second)
        {
            tracker.MarkBlockAsReceived(header.HashBlock, Now);
            await chain.AcceptBlockAsync(Blocks[header.Height], true, CancellationToken.None);
        }

        Assert.Empty(tracker.RequestBlocks(2, Now));
        Assert.Null(tracker.CheckTimeouts(1, Now.AddSeconds(1.9), whitelisted: false));
        Assert.Equal("stalling block download", tracker.CheckTimeouts(1, Now.AddSeconds(2.1), whitelisted: false));
        Assert.Equal(Enumerable.Range(1, 16), first.Select(h => h.Height));
        Assert.Equal(Enumerable.Range(17, 16), second.Select(h => h.Height));

        // Once the staller is gone its blocks go to the other peer.
        tracker.RemovePeer(1);
        Assert.Equal(Enumerable.Range(1, 16), tracker.RequestBlocks(2, Now).Select(h => h.Height));
    }

    [Fact]
    public async Task OnlyOnePeerSyncsHeadersWhileBehindAndItTimesOutWhenOthersCouldServe()
    {
        var chain = InMemoryChain.GenesisOnly();
        chain.IsInitialBlockDownload = true;
        var tracker = NewTracker(chain);
        for (var peer = 1; peer <= 2; peer++)
        {
            tracker.AddPeer(peer);
            tracker.SetPeerServices(peer, isClient: false, isOneShot: false, haveWitness: true, preferredDownload: true);
        }

        Assert.True(tracker.TryStartHeadersSync(1, Now));
        Assert.False(tracker.TryStartHeadersSync(2, Now));

        // 15 minutes plus 1 ms per header expected since genesis (2011) at one per 150 s.
        var missing = (Now - DateTimeOffset.FromUnixTimeSeconds(chain.BestHeader.Time)) / TimeSpan.FromSeconds(150);
        var timeout = Now + TimeSpan.FromMinutes(15) + TimeSpan.FromMilliseconds(missing);
        Assert.Null(tracker.CheckTimeouts(1, timeout.AddSeconds(-1), whitelisted: false));
        Assert.Equal("timeout downloading headers", tracker.CheckTimeouts(1, timeout.AddSeconds(1), whitelisted: false));

        // A whitelisted sync peer is kept but hands the sync role on.
        Assert.Null(tracker.CheckTimeouts(1, timeout.AddSeconds(1), whitelisted: true));
        Assert.True(tracker.TryStartHeadersSync(2, Now));
    }

    [Fact]
    public void OtherPeersSyncHeadersOnceTheSyncPeerHasGivenAllItHasEvenOnAnOldChain()
    {
        var chain = InMemoryChain.GenesisOnly();
        chain.IsInitialBlockDownload = true;
        var tracker = NewTracker(chain);
        for (var peer = 1; peer <= 3; peer++)
        {
            tracker.AddPeer(peer);
            tracker.SetPeerServices(peer, isClient: false, isOneShot: false, haveWitness: true, preferredDownload: true);
        }

        Assert.True(tracker.TryStartHeadersSync(1, Now));
        tracker.HeadersSyncCaughtUp(2);
        Assert.False(tracker.TryStartHeadersSync(2, Now));

        tracker.HeadersSyncCaughtUp(1);

        Assert.True(tracker.TryStartHeadersSync(2, Now));
        Assert.True(tracker.TryStartHeadersSync(3, Now));
        Assert.False(tracker.TryStartHeadersSync(3, Now));
    }

    [Fact]
    public async Task PeersThatDoNotServeBlocksGetNoRequests()
    {
        var (_, tracker) = await SetUpAsync(peers: 1);
        tracker.SetPeerServices(1, isClient: true, isOneShot: false, haveWitness: true, preferredDownload: true);

        Assert.Empty(tracker.RequestBlocks(1, Now));
        Assert.False(tracker.TryStartHeadersSync(1, Now));
    }

    private static BlockDownloadTracker NewTracker(InMemoryChain chain, int window = 1024) =>
        new(chain, SyncSettings.For(ChainParams.Regtest, new P2POptions { BlockDownloadWindow = window }), NullLogger.Instance);

    private static async Task<(InMemoryChain Chain, BlockDownloadTracker Tracker)> SetUpAsync(int peers, int window = 1024)
    {
        var chain = InMemoryChain.GenesisOnly();
        var headers = Blocks.Skip(1).Select(b => b.Header).ToList();
        var result = await chain.AcceptHeadersAsync(new HeaderProofOfWork(ChainParams.Regtest.Consensus, 2).Check(headers, out _), CancellationToken.None);
        var tracker = NewTracker(chain, window);
        for (var peer = 1; peer <= peers; peer++)
        {
            tracker.AddPeer(peer);
            tracker.SetPeerServices(peer, isClient: false, isOneShot: false, haveWitness: true, preferredDownload: true);
            tracker.UpdateBlockAvailability(peer, result.Last!.HashBlock);
        }

        return (chain, tracker);
    }
}
