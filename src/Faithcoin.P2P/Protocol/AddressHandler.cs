using Faithcoin.P2P.Net;
using Faithcoin.P2P.Peers;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// addr (more than 1000 entries costs 20 points; a seed node is dropped once it answered) and getaddr
/// (answered once per connection, to inbound peers only, against fingerprinting).
/// </summary>
public sealed class AddressHandler : IMessageHandler
{
    private readonly IAddressBook addressBook;

    public AddressHandler(IAddressBook addressBook)
    {
        ArgumentNullException.ThrowIfNull(addressBook);
        this.addressBook = addressBook;
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

        var addresses = peer.Serializer.Deserialize<AddrPayload>(payload).Addresses;
        addressBook.Add(addresses, peer.Connection.RemoteAddress);
        if (addresses.Length < WireLimits.MaxAddrEntries)
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
        foreach (var chunk in addressBook.GetAddresses().Chunk(WireLimits.MaxAddrEntries))
        {
            peer.Send(NetCommands.Addr, new AddrPayload(chunk));
        }
    }
}
