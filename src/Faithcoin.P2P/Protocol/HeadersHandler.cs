using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Protocol.Sync;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using Microsoft.Extensions.Logging;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// getheaders (answered from the active chain, not during initial download unless the peer is whitelisted)
/// and headers (size and continuity checks, the unconnecting-announcement rule, proof of work in a batch, then
/// the chain's verdict; a full message asks for more, and once our tip is recent the new blocks are fetched
/// directly from the announcing peer).
/// </summary>
public sealed partial class HeadersHandler : IMessageHandler
{
    /// <summary>MAX_BLOCKS_TO_ANNOUNCE: a headers message shorter than this may be a new-block announcement.</summary>
    public const int MaxBlocksToAnnounce = 8;

    /// <summary>MAX_UNCONNECTING_HEADERS: every this many unconnecting announcements costs 20 points.</summary>
    public const int MaxUnconnectingHeaders = 10;

    private readonly IChainSource chain;
    private readonly HeaderProofOfWork proofOfWork;
    private readonly BlockDownloadTracker tracker;
    private readonly BlockSyncScheduler scheduler;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public HeadersHandler(
        IChainSource chain,
        HeaderProofOfWork proofOfWork,
        BlockDownloadTracker tracker,
        BlockSyncScheduler scheduler,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(proofOfWork);
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.chain = chain;
        this.proofOfWork = proofOfWork;
        this.tracker = tracker;
        this.scheduler = scheduler;
        this.time = time;
        this.logger = logger;
    }

    public IReadOnlyCollection<string> Commands { get; } = [NetCommands.GetHeaders, NetCommands.Headers];

    public ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Command == NetCommands.GetHeaders)
        {
            AnswerGetHeaders(peer, frame.Payload);
            return ValueTask.CompletedTask;
        }

        return HandleHeadersAsync(peer, frame.Payload, cancellationToken);
    }

    private void AnswerGetHeaders(PeerContext peer, byte[] payload)
    {
        var request = peer.Serializer.Deserialize<GetHeadersPayload>(payload);
        if (chain.IsInitialBlockDownload && !peer.Connection.IsWhitelisted)
        {
            LogIgnoredInIbd(logger, peer.Id);
            return;
        }

        IReadOnlyList<ChainedHeader> headers;
        var hashStop = request.HashStop ?? uint256.Zero;
        if (request.BlockLocators is null || request.BlockLocators.Blocks.Count == 0)
        {
            // A null locator asks for the hashStop header alone.
            var stop = chain.FindHeader(hashStop);
            if (stop is null)
            {
                return;
            }

            headers = [stop];
        }
        else
        {
            headers = chain.GetHeadersAfter(request.BlockLocators, hashStop, WireLimits.MaxHeadersResults);
        }

        peer.State.BestHeaderSent = headers.Count > 0 ? headers[^1] : chain.Tip;
        peer.Send(NetCommands.Headers, new HeadersPayload(headers.Select(h => h.Header).ToArray()));
    }

    private async ValueTask HandleHeadersAsync(PeerContext peer, byte[] payload, CancellationToken cancellationToken)
    {
        var count = CompactSizePrefix.ReadCount(payload);
        if (count > WireLimits.MaxHeadersResults)
        {
            peer.Misbehaving(20, $"headers message size = {count}");
            return;
        }

        var headers = peer.Serializer.Deserialize<HeadersPayload>(payload).Headers;
        if (headers.Count == 0)
        {
            return;
        }

        var state = peer.State;
        if (chain.FindHeader(headers[0].HashPrevBlock) is null && headers.Count < MaxBlocksToAnnounce)
        {
            state.UnconnectingHeaders++;
            peer.SendGetHeaders(chain.GetLocator(chain.BestHeader), uint256.Zero);

            // Remembered, so that once the headers arrive (from anyone) this peer can serve the block.
            tracker.UpdateBlockAvailability(peer.Id, headers[^1].GetHash());
            if (state.UnconnectingHeaders % MaxUnconnectingHeaders == 0)
            {
                peer.Misbehaving(20, $"{state.UnconnectingHeaders} non-connecting headers");
            }

            return;
        }

        for (var i = 1; i < headers.Count; i++)
        {
            if (headers[i].HashPrevBlock != headers[i - 1].GetHash())
            {
                peer.Misbehaving(20, "non-continuous headers sequence");
                return;
            }
        }

        var powChecked = proofOfWork.Check(headers, out var firstFailure);
        HeadersAcceptResult? result = null;
        if (powChecked.Count > 0)
        {
            result = await chain.AcceptHeadersAsync(powChecked, cancellationToken).ConfigureAwait(false);
            if (result.Error is { } error)
            {
                if (error.DoS > 0)
                {
                    peer.Misbehaving(error.DoS, $"invalid header received: {error}");
                }

                return;
            }
        }

        if (firstFailure >= 0)
        {
            // CheckBlockHeader's verdict on the first header without enough work; those before it are in.
            peer.Misbehaving(50, "invalid header received: high-hash (proof of work failed)");
            return;
        }

        state.UnconnectingHeaders = 0;
        if (result?.Last is not { } last)
        {
            return;
        }

        tracker.UpdateBlockAvailability(peer.Id, last.HashBlock);
        if (headers.Count == WireLimits.MaxHeadersResults)
        {
            // A full message means the peer has more: continue from where it stopped (headers-first).
            peer.SendGetHeaders(chain.GetLocator(last), uint256.Zero);
        }
        else
        {
            tracker.HeadersSyncCaughtUp(peer.Id);
        }

        var direct = tracker.PlanDirectFetch(peer.Id, last, time.GetUtcNow());
        if (direct.Count == 1 && peer.State.Compact.SupportsDesiredVersion && direct[0].Previous is { } parent
            && (chain.GetAvailability(parent) & (BlockAvailability.ChainHasData | BlockAvailability.Failed)) == BlockAvailability.ChainHasData)
        {
            // A single new block on a chain we have: our pool likely holds most of it, so ask for it compact.
            peer.Send(NetCommands.GetData, new GetDataPayload(new InventoryVector(InventoryType.MSG_CMPCT_BLOCK, direct[0].HashBlock)));
            return;
        }

        scheduler.RequestBlocks(peer, direct);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring getheaders from peer={Peer} because node is in initial block download")]
    private static partial void LogIgnoredInIbd(ILogger logger, long peer);
}
