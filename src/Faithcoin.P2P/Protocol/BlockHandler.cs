using Faithcoin.P2P.Protocol.Compact;
using Faithcoin.P2P.Protocol.Sync;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// block: taken off the in-flight list (whoever it was asked from; a block we asked for is always processed),
/// then handed to the chain; an invalid block earns its DoS score and, when it has a reject code, a reject
/// message naming it (what 0.15 queues from BlockChecked). The chain stores blocks that arrive before their
/// parent's block, so parallel download may deliver in any order. A canonically encoded payload goes along to be
/// stored as it came, which spares serializing every downloaded block again.
/// </summary>
public sealed class BlockHandler : IMessageHandler
{
    private readonly IChainSource chain;
    private readonly BlockDownloadTracker tracker;
    private readonly TimeProvider time;
    private readonly CompactBlockAcceptor? compact;

    public BlockHandler(IChainSource chain, BlockDownloadTracker tracker, TimeProvider time, CompactBlockAcceptor? compact = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(time);
        this.chain = chain;
        this.tracker = tracker;
        this.time = time;
        this.compact = compact;
    }

    public IReadOnlyCollection<string> Commands { get; } = [NetCommands.Block];

    public async ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        var block = peer.Serializer.DeserializeBlock(frame.Payload);
        ReadOnlyMemory<byte>? serialized = CanonicalBlockEncoding.IsCanonical(frame.Payload) ? frame.Payload : null;
        var hash = block.GetHash();
        var force = peer.Connection.IsWhitelisted && !chain.IsInitialBlockDownload;
        force |= tracker.IsInFlight(hash);
        BlockAcceptResult result;
        try
        {
            result = await chain.AcceptBlockAsync(block, serialized, force, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Only once the block is stored: 0.15 marks it received first, but there one thread handles every peer,
            // while here another peer's download planning could run in between and ask for it again.
            tracker.MarkBlockAsReceived(hash, time.GetUtcNow());
        }

        if (result.Error is not { } error)
        {
            if (result.IsNew)
            {
                compact?.BlockChecked(peer, hash);
                peer.Connection.Activity.BlockAccepted();
            }

            return;
        }

        peer.SendReject(new RejectMessage(NetCommands.Block, error.Code, error.Reason, hash));
        if (error.DoS > 0)
        {
            peer.Misbehaving(error.DoS, $"invalid block: {error}");
        }
    }
}
