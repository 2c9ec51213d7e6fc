using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Protocol.Relay;
using Faithcoin.P2P.Protocol.Sync;
using Faithcoin.P2P.Wire;
using Microsoft.Extensions.Logging;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// cmpctblock and blocktxn as 0.15's ProcessMessage: the header goes in first (a bad one costs its DoS score);
/// a block we want, close to our tip, is rebuilt from the pool and the extra transactions, the rest asked for
/// with getblocktxn; a far-ahead announcement is handled as a headers message; anything that cannot be rebuilt
/// safely (short-id collision, wrong merkle root) is asked for in full. Bad positions cost 100 points.
/// </summary>
public sealed partial class CompactBlockReceiver : IMessageHandler
{
    private readonly IChainSource chain;
    private readonly HeaderProofOfWork proofOfWork;
    private readonly BlockDownloadTracker tracker;
    private readonly IMessageHandler headers;
    private readonly TransactionRelay relay;
    private readonly CompactBlockAcceptor acceptor;
    private readonly P2POptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public CompactBlockReceiver(
        IChainSource chain,
        HeaderProofOfWork proofOfWork,
        BlockDownloadTracker tracker,
        IMessageHandler headers,
        TransactionRelay relay,
        CompactBlockAcceptor acceptor,
        P2POptions options,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(proofOfWork);
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(acceptor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.chain = chain;
        this.proofOfWork = proofOfWork;
        this.tracker = tracker;
        this.headers = headers;
        this.relay = relay;
        this.acceptor = acceptor;
        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    public IReadOnlyCollection<string> Commands { get; } = [NetCommands.CmpctBlock, NetCommands.BlockTxn];

    public ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Command == NetCommands.BlockTxn)
        {
            var response = peer.Serializer.Deserialize<BlockTransactions>(frame.Payload);
            return CompleteAsync(peer, response.BlockHash, response.Transactions, cancellationToken);
        }

        return HandleCompactBlockAsync(peer, peer.Serializer.Deserialize<HeaderAndShortIds>(frame.Payload), cancellationToken);
    }

    private async ValueTask HandleCompactBlockAsync(PeerContext peer, HeaderAndShortIds compact, CancellationToken cancellationToken)
    {
        if (chain.FindHeader(compact.Header.HashPrevBlock) is null)
        {
            // Does not connect (or is genesis): ask for the headers in between instead of punishing.
            if (!chain.IsInitialBlockDownload)
            {
                peer.SendGetHeaders(chain.GetLocator(chain.BestHeader), uint256.Zero);
            }

            return;
        }

        var index = await AcceptHeaderAsync(peer, compact.Header, cancellationToken).ConfigureAwait(false);
        if (index is null)
        {
            return;
        }

        var hash = index.HashBlock;
        tracker.UpdateBlockAvailability(peer.Id, hash);
        var availability = chain.GetAvailability(index);
        var inFlightFrom = tracker.InFlightPeer(hash);
        if ((availability & BlockAvailability.HaveData) != 0)
        {
            return;
        }

        if (index.ChainWork <= chain.Tip.ChainWork)
        {
            // We know something better; if we asked for it anyway, our pool will not help.
            if (inFlightFrom is not null)
            {
                RequestFullBlock(peer, hash);
            }

            return;
        }

        if (inFlightFrom is null && !tracker.CanDirectFetch(time.GetUtcNow()))
        {
            // Far from the tip: parallel download will fetch it.
            return;
        }

        if ((availability & BlockAvailability.WitnessActive) != 0 && !peer.State.Compact.SupportsDesiredVersion)
        {
            // Compact blocks from version 1 peers lack witnesses once segwit is active.
            return;
        }

        if (index.Height > chain.Tip.Height + 2)
        {
            await FarAheadAsync(peer, compact.Header, hash, inFlightFrom, cancellationToken).ConfigureAwait(false);
            return;
        }

        var mayDownload = inFlightFrom == peer.Id
            || (inFlightFrom is null && tracker.InFlightFrom(peer.Id) < tracker.Settings.MaxBlocksInTransitPerPeer);
        if (mayDownload)
        {
            await DownloadAsync(peer, compact, index, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ReconstructOptimisticallyAsync(peer, compact, hash, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<ChainedHeader?> AcceptHeaderAsync(PeerContext peer, BlockHeader header, CancellationToken cancellationToken)
    {
        var checkedHeaders = proofOfWork.Check([header], out var firstFailure);
        if (firstFailure >= 0)
        {
            peer.Misbehaving(50, "invalid header received via cmpctblock: high-hash (proof of work failed)");
            return null;
        }

        var result = await chain.AcceptHeadersAsync(checkedHeaders, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            if (error.DoS > 0)
            {
                peer.Misbehaving(error.DoS, $"invalid header received via cmpctblock: {error}");
            }

            LogInvalidHeader(logger, peer.Id);
            return null;
        }

        return result.Last;
    }

    private async ValueTask FarAheadAsync(PeerContext peer, BlockHeader header, uint256 hash, long? inFlightFrom, CancellationToken cancellationToken)
    {
        if (inFlightFrom is not null)
        {
            // Requested, but too far ahead for our pool to help.
            RequestFullBlock(peer, hash);
            return;
        }

        // An announcement like any other: handle it as a headers message.
        var payload = peer.Serializer.Serialize(new HeadersPayload(header));
        await headers.HandleAsync(peer, new NetFrame(NetCommands.Headers, payload), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask DownloadAsync(PeerContext peer, HeaderAndShortIds compact, ChainedHeader index, CancellationToken cancellationToken)
    {
        var hash = index.HashBlock;
        var flight = tracker.MarkInFlightForCompact(peer.Id, index, time.GetUtcNow());
        var state = peer.State.Compact;
        if (flight == CompactFlight.Unavailable || (flight == CompactFlight.AlreadyFromPeer && state.TryGetPartial(hash, out _)))
        {
            LogAlreadySyncing(logger, peer.Id);
            return;
        }

        var partial = new PartiallyDownloadedBlock(peer.Serializer.ConsensusFactory);
        var status = partial.InitData(compact, relay.Sink.GetTransactionsByWitnessHash(), relay.ExtraTransactions.Snapshot());
        if (status == ReadStatus.Invalid)
        {
            tracker.MarkBlockAsReceived(hash, time.GetUtcNow());
            peer.Misbehaving(100, "invalid compact block");
            return;
        }

        if (status == ReadStatus.Failed)
        {
            // Duplicate short ids; the block stays in flight from this peer, in full.
            RequestFullBlock(peer, hash);
            return;
        }

        state.StartPartial(hash, partial, h => tracker.InFlightPeer(h) == peer.Id);
        var request = new BlockTransactionsRequest { BlockHash = hash };
        for (var i = 0; i < partial.TransactionCount; i++)
        {
            if (!partial.IsTransactionAvailable(i))
            {
                request.Indexes.Add(i);
            }
        }

        LogReconstructing(logger, hash.ToString(), peer.Id, partial.PrefilledCount, partial.MempoolCount, partial.ExtraCount, request.Indexes.Count);
        if (request.Indexes.Count == 0)
        {
            await CompleteAsync(peer, hash, [], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            peer.Send(NetCommands.GetBlockTxn, request);
        }
    }

    private async ValueTask ReconstructOptimisticallyAsync(PeerContext peer, HeaderAndShortIds compact, uint256 hash, CancellationToken cancellationToken)
    {
        // In flight from someone else (or this peer is full): use it only if no round trip is needed.
        var partial = new PartiallyDownloadedBlock(peer.Serializer.ConsensusFactory);
        if (partial.InitData(compact, relay.Sink.GetTransactionsByWitnessHash(), relay.ExtraTransactions.Snapshot()) != ReadStatus.Ok
            || partial.FillBlock([], out var block) != ReadStatus.Ok
            || block is null)
        {
            return;
        }

        if (await acceptor.AcceptAsync(peer, block, cancellationToken).ConfigureAwait(false))
        {
            // Cleared only after validation, so a malleated announcement cannot disturb the real download.
            tracker.MarkBlockAsReceived(hash, time.GetUtcNow());
        }
    }

    private async ValueTask CompleteAsync(PeerContext peer, uint256 hash, IReadOnlyList<Transaction> missing, CancellationToken cancellationToken)
    {
        var state = peer.State.Compact;
        if (tracker.InFlightPeer(hash) != peer.Id || !state.TryGetPartial(hash, out var partial))
        {
            LogUnexpected(logger, peer.Id);
            return;
        }

        state.EndPartial(hash);
        var status = partial.FillBlock(missing, out var block);
        if (status == ReadStatus.Invalid)
        {
            tracker.MarkBlockAsReceived(hash, time.GetUtcNow());
            peer.Misbehaving(100, "invalid compact block/non-matching block transactions");
            return;
        }

        if (status == ReadStatus.Failed || block is null)
        {
            // Might have collided: the full block, still in flight from this peer.
            RequestFullBlock(peer, hash);
            return;
        }

        try
        {
            await acceptor.AcceptAsync(peer, block, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // After it is stored, as for full blocks (BlockHandler): no other peer is asked for it meanwhile.
            tracker.MarkBlockAsReceived(hash, time.GetUtcNow());
        }
    }

    private void RequestFullBlock(PeerContext peer, uint256 hash)
    {
        var type = (options.LocalServices & ServiceFlags.Witness) != 0 && peer.State.HaveWitness
            ? InventoryType.MSG_WITNESS_BLOCK
            : InventoryType.MSG_BLOCK;
        peer.Send(NetCommands.GetData, new GetDataPayload(new InventoryVector(type, hash)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {Peer} sent us invalid header via cmpctblock")]
    private static partial void LogInvalidHeader(ILogger logger, long peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Peer sent us compact block we were already syncing! peer={Peer}")]
    private static partial void LogAlreadySyncing(ILogger logger, long peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Peer {Peer} sent us block transactions for block we weren't expecting")]
    private static partial void LogUnexpected(ILogger logger, long peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Initialized PartiallyDownloadedBlock for block {Hash} from a cmpctblock from peer={Peer}: {Prefilled} prefilled, {Mempool} from pool ({Extra} extra), {Missing} to request")]
    private static partial void LogReconstructing(ILogger logger, string hash, long peer, int prefilled, int mempool, int extra, int missing);
}
