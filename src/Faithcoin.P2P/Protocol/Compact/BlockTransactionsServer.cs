using Faithcoin.P2P.Wire;
using Microsoft.Extensions.Logging;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// getblocktxn as 0.15: the transactions asked for, from a block within MAX_BLOCKTXN_DEPTH of our tip; older
/// blocks are sent in full (so a peer cannot make us read old blocks cheaply); a position past the block's
/// end costs 100 points; unknown blocks are ignored. The block announced before it connected is answered from
/// <see cref="RecentCompactBlockCache"/>: a peer asks right after our cmpctblock, while the chain is still
/// connecting it and would not serve it.
/// </summary>
public sealed partial class BlockTransactionsServer : IMessageHandler
{
    /// <summary>MAX_BLOCKTXN_DEPTH.</summary>
    public const int MaxBlockTransactionsDepth = 10;

    private readonly IChainSource chain;
    private readonly RecentCompactBlockCache recent;
    private readonly ILogger logger;

    public BlockTransactionsServer(IChainSource chain, RecentCompactBlockCache recent, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(recent);
        ArgumentNullException.ThrowIfNull(logger);
        this.chain = chain;
        this.recent = recent;
        this.logger = logger;
    }

    public IReadOnlyCollection<string> Commands { get; } = [NetCommands.GetBlockTxn];

    public async ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        var request = peer.Serializer.Deserialize<BlockTransactionsRequest>(frame.Payload);
        if (recent.Find(request.BlockHash) is { } cached)
        {
            SendTransactions(peer, request, cached.Block);
            return;
        }

        var header = chain.FindHeader(request.BlockHash);
        if (header is null || (chain.GetAvailability(header) & BlockAvailability.HaveData) == 0)
        {
            LogUnknownBlock(logger, peer.Id);
            return;
        }

        var bytes = await chain.ReadBlockAsync(request.BlockHash, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return;
        }

        var block = peer.Serializer.DeserializeBlock(bytes);
        var options = CompactBlockSender.Options(peer);
        if (header.Height < chain.Tip.Height - MaxBlockTransactionsDepth)
        {
            LogTooDeep(logger, peer.Id, MaxBlockTransactionsDepth);
            peer.Send(NetCommands.Block, block, options);
            return;
        }

        SendTransactions(peer, request, block);
    }

    private static void SendTransactions(PeerContext peer, BlockTransactionsRequest request, Block block)
    {
        var response = new BlockTransactions { BlockHash = request.BlockHash };
        foreach (var index in request.Indexes)
        {
            if (index >= block.Transactions.Count)
            {
                peer.Misbehaving(100, "getblocktxn with out-of-bounds tx indices");
                return;
            }

            response.Transactions.Add(block.Transactions[index]);
        }

        peer.Send(NetCommands.BlockTxn, response, CompactBlockSender.Options(peer));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {Peer} sent us a getblocktxn for a block we don't have")]
    private static partial void LogUnknownBlock(ILogger logger, long peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Peer {Peer} sent us a getblocktxn for a block > {Depth} deep")]
    private static partial void LogTooDeep(ILogger logger, long peer, int depth);
}
