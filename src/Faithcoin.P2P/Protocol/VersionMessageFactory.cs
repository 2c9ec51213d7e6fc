using Faithcoin.P2P.Net;
using Faithcoin.P2P.Peers;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// Builds our version message as PushNodeVersion does: the peer's address only when it is routable (zeros
/// otherwise), our own address as zeros with our services, the connection's nonce, our tip height.
/// </summary>
public sealed class VersionMessageFactory
{
    private readonly P2POptions options;
    private readonly IChainSource chain;
    private readonly TimeProvider time;
    private readonly string userAgent;

    public VersionMessageFactory(P2POptions options, IChainSource chain, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(time);
        this.options = options;
        this.chain = chain;
        this.time = time;
        userAgent = options.FormatUserAgent();
    }

    public string UserAgent => userAgent;

    public VersionMessage Create(PeerConnection peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var remote = peer.RemoteAddress;
        var receiver = AddressClass.IsRoutable(remote)
            ? new WireAddress(ServiceFlags.None, remote, peer.RemoteEndPoint.Port)
            : WireAddress.None(ServiceFlags.None);
        return new VersionMessage
        {
            Version = ProtocolVersions.Current,
            Services = options.LocalServices,
            Timestamp = time.GetUtcNow().ToUnixTimeSeconds(),
            Receiver = receiver,
            Sender = WireAddress.None(options.LocalServices),
            Nonce = peer.LocalNonce,
            UserAgent = userAgent,
            StartHeight = chain.Tip.Height,
            Relay = options.RelayTransactions,
        };
    }
}
