using System.Security.Cryptography;
using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Protocol.Sync;
using Faithcoin.P2P.Wire;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// Sends blocks as cmpctblock: to high-bandwidth peers when a single new block is announced, and for getdata
/// MSG_CMPCT_BLOCK when the block is within MAX_CMPCTBLOCK_DEPTH of a recent tip (older ones go in full: a
/// peer that far behind has no useful pool). Short ids use wtxids for peers that chose version 2.
/// </summary>
public sealed class CompactBlockSender
{
    /// <summary>MAX_CMPCTBLOCK_DEPTH.</summary>
    public const int MaxCompactBlockDepth = 5;

    private readonly IChainSource chain;
    private readonly BlockDownloadTracker tracker;
    private readonly TimeProvider time;

    public CompactBlockSender(IChainSource chain, BlockDownloadTracker tracker, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(time);
        this.chain = chain;
        this.tracker = tracker;
        this.time = time;
    }

    /// <summary>The announcement BlockAnnouncer left for this pass (the header-and-ids branch of SendMessages).</summary>
    public async ValueTask SendPendingAnnouncementAsync(PeerContext peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (peer.State.Compact.TakePendingAnnouncement() is not { } header)
        {
            return;
        }

        var bytes = await chain.ReadBlockAsync(header.HashBlock, cancellationToken).ConfigureAwait(false);
        if (bytes is not null)
        {
            SendCompact(peer, peer.Serializer.DeserializeBlock(bytes));
        }
    }

    /// <summary>getdata MSG_CMPCT_BLOCK for a block we serve (<paramref name="bytes"/>, with witnesses).</summary>
    public void ServeGetData(PeerContext peer, ChainedHeader? header, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(bytes);
        var block = peer.Serializer.DeserializeBlock(bytes);
        if (header is not null && tracker.CanDirectFetch(time.GetUtcNow()) && header.Height >= chain.Tip.Height - MaxCompactBlockDepth)
        {
            SendCompact(peer, block);
        }
        else
        {
            peer.Send(NetCommands.Block, block, Options(peer));
        }
    }

    /// <summary>Witness serialization only for peers that chose compact block version 2.</summary>
    public static TransactionOptions Options(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        return peer.State.Compact.WantsWitness ? TransactionOptions.All : TransactionOptions.None;
    }

    private static void SendCompact(PeerContext peer, Block block)
    {
        var nonce = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var compact = HeaderAndShortIds.FromBlock(block, peer.State.Compact.WantsWitness, nonce);
        peer.Send(NetCommands.CmpctBlock, compact, Options(peer));
    }
}
