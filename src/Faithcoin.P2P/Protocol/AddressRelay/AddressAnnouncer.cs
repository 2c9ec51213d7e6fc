using System.Net;
using Faithcoin.P2P.Peers;
using Faithcoin.P2P.Protocol.Relay;
using Faithcoin.P2P.Wire;
using AddrPayload = NBitcoin.Protocol.AddrPayload;
using NetworkAddress = NBitcoin.Protocol.NetworkAddress;

namespace Faithcoin.P2P.Protocol.AddressRelay;

/// <summary>
/// The address steps of SendMessages and of version handling: our own address pushed after the handshake
/// with an outbound peer and, outside initial download, on average every 24 h to every peer (AdvertiseLocal);
/// each peer's queue flushed at Poisson-spaced moments, on average every 30 s, at most 1000 per addr message.
/// </summary>
public sealed class AddressAnnouncer
{
    private readonly P2POptions options;
    private readonly LocalAddresses locals;
    private readonly IChainSource chain;
    private readonly AddressRelayer relayer;
    private readonly PoissonDelay poisson;
    private readonly TimeProvider time;
    private readonly int listenPort;

    public AddressAnnouncer(
        P2POptions options,
        LocalAddresses locals,
        IChainSource chain,
        AddressRelayer relayer,
        PoissonDelay poisson,
        TimeProvider time,
        int listenPort)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(locals);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(relayer);
        ArgumentNullException.ThrowIfNull(poisson);
        ArgumentNullException.ThrowIfNull(time);
        this.options = options;
        this.locals = locals;
        this.chain = chain;
        this.relayer = relayer;
        this.poisson = poisson;
        this.time = time;
        this.listenPort = listenPort;
    }

    /// <summary>
    /// After a version message: an inbound peer that saw us at a known local address raises its score
    /// (SeenLocal); an outbound peer is told our address at once when we listen and are not in initial download.
    /// </summary>
    public void VersionReceived(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var seenAs = peer.State.Addresses.SeenAs;
        if (peer.Connection.IsInbound)
        {
            if (seenAs is not null && AddressClass.IsRoutable(seenAs.Address))
            {
                locals.Seen(seenAs);
            }

            return;
        }

        if (!options.Listen || chain.IsInitialBlockDownload)
        {
            return;
        }

        var local = LocalAddressFor(peer.Connection.RemoteAddress);
        if (AddressClass.IsRoutable(local.Endpoint.Address))
        {
            relayer.Push(peer, ToWire(local.Endpoint));
        }
        else if (IsSeenAsGood(peer) && seenAs is not null)
        {
            relayer.Push(peer, ToWire(new IPEndPoint(seenAs.Address, local.Endpoint.Port)));
        }
    }

    public void SendAddresses(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var state = peer.State.Addresses;
        var now = time.GetUtcNow();
        if (!chain.IsInitialBlockDownload && state.NextLocalSend < now)
        {
            AdvertiseLocal(peer);
            state.NextLocalSend = now + poisson.Next(options.AddressRelay.LocalBroadcastInterval);
        }

        if (state.NextSend >= now)
        {
            return;
        }

        state.NextSend = now + poisson.Next(options.AddressRelay.BroadcastInterval);
        foreach (var message in state.TakeMessages())
        {
            peer.Send(NetCommands.Addr, new AddrPayload(message));
        }
    }

    // AdvertiseLocal: sometimes the address the peer saw us at replaces ours, in case it knows better (more
    // often when ours is only discovered, not given by the operator).
    private void AdvertiseLocal(PeerContext peer)
    {
        if (!options.Listen || !peer.Connection.HandshakeComplete)
        {
            return;
        }

        var (endpoint, score) = LocalAddressFor(peer.Connection.RemoteAddress);
        var seenAs = peer.State.Addresses.SeenAs;
        if (IsSeenAsGood(peer) && seenAs is not null
            && (!AddressClass.IsRoutable(endpoint.Address) || relayer.NextRandom(score > LocalAddresses.ManualScore ? 8 : 2) == 0))
        {
            endpoint = new IPEndPoint(seenAs.Address, endpoint.Port);
        }

        if (AddressClass.IsRoutable(endpoint.Address))
        {
            relayer.Push(peer, ToWire(endpoint));
        }
    }

    // GetLocalAddress: the best local address for this peer, else the unroutable any-address on our port.
    private (IPEndPoint Endpoint, int Score) LocalAddressFor(IPAddress peer) =>
        locals.Best(peer) ?? (new IPEndPoint(IPAddress.IPv6Any, listenPort), -1);

    // IsPeerAddrLocalGood: with discovery on, a routable peer's view of our routable address is worth telling.
    private bool IsSeenAsGood(PeerContext peer) =>
        locals.Discover && AddressClass.IsRoutable(peer.Connection.RemoteAddress) && peer.State.Addresses.SeenAs is { } seenAs
        && AddressClass.IsRoutable(seenAs.Address);

    private NetworkAddress ToWire(IPEndPoint endpoint) => new(endpoint.Address, endpoint.Port)
    {
        Time = time.GetUtcNow(),
        Services = (NBitcoin.Protocol.NodeServices)(ulong)options.LocalServices,
    };
}
