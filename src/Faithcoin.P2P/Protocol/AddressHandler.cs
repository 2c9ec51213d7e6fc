using Faithcoin.P2P.Net;
using Faithcoin.P2P.Peers;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using AddrPayload = NBitcoin.Protocol.AddrPayload;
using NetworkAddress = NBitcoin.Protocol.NetworkAddress;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// addr (more than 1000 entries costs 20 points; entries without NODE_NETWORK are ignored, implausible times
/// become five days ago, the rest go to the address manager with a two-hour penalty; a seed node is dropped once
/// it answered) and getaddr (answered once per connection, to inbound peers only, against fingerprinting).
/// </summary>
public sealed class AddressHandler : IMessageHandler
{
    /// <summary>The time penalty 0.15 gives addresses a peer relays (it might be lying about freshness).</summary>
    private static readonly TimeSpan RelayPenalty = TimeSpan.FromHours(2);

    private readonly AddressManager addresses;
    private readonly TimeProvider time;

    public AddressHandler(AddressManager addresses, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(time);
        this.addresses = addresses;
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
        var useful = new List<NetworkAddress>(received.Length);
        foreach (var address in received)
        {
            if (((ServiceFlags)(ulong)address.Services & ServiceFlags.Network) == 0 || !address.IsAddrV1Compatible)
            {
                continue;
            }

            if (address.Time.ToUnixTimeSeconds() <= 100000000 || address.Time > now.AddMinutes(10))
            {
                address.Time = now.AddDays(-5);
            }

            useful.Add(address);
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

        // 0.15 queues at most MAX_ADDR_TO_SEND (1000) per peer, so one addr message carries the answer.
        var answer = addresses.GetAddresses()
            .Take(WireLimits.MaxAddrEntries)
            .Select(a => new NetworkAddress(a.EndPoint) { Time = DateTimeOffset.FromUnixTimeSeconds(a.Time), Services = (NBitcoin.Protocol.NodeServices)(ulong)a.Services })
            .ToArray();
        if (answer.Length > 0)
        {
            peer.Send(NetCommands.Addr, new AddrPayload(answer));
        }
    }
}
