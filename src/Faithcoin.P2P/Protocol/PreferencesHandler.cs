using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// What a peer tells us about itself after the handshake: sendheaders, sendcmpct (versions we speak: 1, and 2
/// when we serve witnesses; see CompactBlockPeer) and feefilter (kept when within the money range).
/// </summary>
public sealed class PreferencesHandler : IMessageHandler
{
    private const long MaxMoney = 84_000_000L * 100_000_000L;

    private readonly P2POptions options;

    public PreferencesHandler(P2POptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    public IReadOnlyCollection<string> Commands { get; } = [NetCommands.SendHeaders, NetCommands.SendCmpct, NetCommands.FeeFilter];

    public ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        switch (frame.Command)
        {
            case NetCommands.SendHeaders:
                peer.State.PreferHeaders = true;
                break;
            case NetCommands.SendCmpct:
                var sendCmpct = peer.Serializer.Deserialize<SendCmpctPayload>(frame.Payload);
                var witness = (options.LocalServices & ServiceFlags.Witness) != 0;
                peer.State.Compact.ReceivedSendCmpct(sendCmpct.PreferHeaderAndIDs, sendCmpct.Version, witness);
                break;
            default:
                var fee = new PayloadReader(frame.Payload).ReadInt64();
                if (fee is >= 0 and <= MaxMoney)
                {
                    peer.State.FeeFilterReceived = fee;
                }

                break;
        }

        return ValueTask.CompletedTask;
    }
}
