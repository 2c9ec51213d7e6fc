using Faithcoin.P2P.Net;
using System.Net;
using Faithcoin.P2P.Peers;
using Faithcoin.P2P.Protocol.AddressRelay;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using AddrPayload = NBitcoin.Protocol.AddrPayload;
using NetworkAddress = NBitcoin.Protocol.NetworkAddress;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// addr (more than 1000 entries costs 20 points; entries without NODE_NETWORK are ignored, implausible times
/// become five days ago, the rest become known to the peer and go to the address manager with a two-hour
/// penalty; in a message of at most 10 that is not the answer to our getaddr, fresh routable ones are relayed;
/// a seed node is dropped once it answered) and getaddr (answered once per connection, to inbound peers only,
/// against fingerprinting, through the peer's addr queue).
/// </summary>
public sealed class AddressHandler : IMessageHandler
{
    /// <summary>The time penalty 0.15 gives addresses a peer relays (it might be lying about freshness).</summary>
    private static readonly TimeSpan RelayPenalty = TimeSpan.FromHours(2);

    /// <summary>How old an address may be and still be news worth relaying.</summary>
    private static readonly TimeSpan RelayFreshness = TimeSpan.FromMinutes(10);

    private readonly AddressManager addresses;
    private readonly AddressRelayer relayer;
    private readonly TimeProvider time;

    public AddressHandler(AddressManager addresses, AddressRelayer relayer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(relayer);
        ArgumentNullException.ThrowIfNull(time);
        this.addresses = addresses;
        this.relayer = relayer;
        this.time = time;
    }

    public IReadOnlyCollection<string> Commands { get; } = [NetCommands.Addr, NetCommands.GetAddr];

    public ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Command == NetCommands.Addr)
        {
            HandleAddr(peer, frame.Payload);
        }
        else
        {
            AnswerGetAddr(peer);
        }

        return ValueTask.CompletedTask;
    }

    private void HandleAddr(PeerContext peer, byte[] payload)
    {
        var count = CompactSizePrefix.ReadCount(payload);
        if (count > WireLimits.MaxAddrEntries)
        {
            peer.Misbehaving(20, $"message addr size() = {count}");
            return;
        }

        var received = peer.Serializer.Deserialize<AddrPayload>(payload).Addresses;
        var now = time.GetUtcNow();
        var relayable = received.Length <= AddressRelayer.MaxRelayedMessageSize && !peer.State.AwaitingAddr;
        var useful = new List<NetworkAddress>(received.Length);
        foreach (var address in received)
        {
            if (((ServiceFlags)(ulong)address.Services & ServiceFlags.Network) == 0 || !address.IsAddrV1Compatible
                || address.Endpoint is not IPEndPoint endpoint)
            {
                continue;
            }

            if (address.Time.ToUnixTimeSeconds() <= 100000000 || address.Time > now.AddMinutes(10))
            {
                address.Time = now.AddDays(-5);
            }

            peer.State.Addresses.AddKnown(endpoint);
            var reachable = AddressRelayer.IsReachable(endpoint.Address);
            if (relayable && address.Time > now - RelayFreshness && AddressClass.IsRoutable(endpoint.Address))
            {
                relayer.Relay(address, reachable);
            }

            // Addresses outside our networks are passed on (to one peer) but not kept.
            if (reachable)
            {
                useful.Add(address);
            }
        }

        addresses.Add(useful, peer.Connection.RemoteAddress, RelayPenalty);
        if (received.Length < WireLimits.MaxAddrEntries)
        {
            peer.State.AwaitingAddr = false;
        }

        if (peer.Connection.Kind == ConnectionKind.OneShot)
        {
            peer.Connection.Disconnect("seed node answered getaddr");
        }
    }

    private void AnswerGetAddr(PeerContext peer)
    {
        if (!peer.Connection.IsInbound || peer.State.SentAddrAnswer)
        {
            return;
        }

        peer.State.SentAddrAnswer = true;

        // The answer replaces what was queued; the queue holds at most MAX_ADDR_TO_SEND (random replacement).
        peer.State.Addresses.ClearQueue();
        foreach (var info in addresses.GetAddresses())
        {
            relayer.Push(peer, new NetworkAddress(info.EndPoint) { Time = DateTimeOffset.FromUnixTimeSeconds(info.Time), Services = (NBitcoin.Protocol.NodeServices)(ulong)info.Services });
        }
    }
}
