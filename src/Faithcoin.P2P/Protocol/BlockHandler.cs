using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// block: handed to the chain; an invalid block earns its DoS score and, when it has a reject code, a reject
/// message naming it (what 0.15 queues from BlockChecked).
/// </summary>
public sealed class BlockHandler : IMessageHandler
{
    private readonly IChainSource chain;

    public BlockHandler(IChainSource chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        this.chain = chain;
    }

    public IReadOnlyCollection<string> Commands { get; } = [NetCommands.Block];

    public async ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        var block = peer.Serializer.DeserializeBlock(frame.Payload);
        var force = peer.Connection.IsWhitelisted && !chain.IsInitialBlockDownload;
        var result = await chain.AcceptBlockAsync(block, force, cancellationToken).ConfigureAwait(false);
        if (result.Error is not { } error)
        {
            return;
        }

        peer.SendReject(new RejectMessage(NetCommands.Block, error.Code, error.Reason, block.GetHash()));
        if (error.DoS > 0)
        {
            peer.Misbehaving(error.DoS, $"invalid block: {error}");
        }
    }
}
