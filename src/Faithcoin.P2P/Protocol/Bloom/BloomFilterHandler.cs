using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;

namespace Faithcoin.P2P.Protocol.Bloom;

/// <summary>
/// filterload, filteradd and filterclear as 0.15's ProcessMessage (the NODE_BLOOM gate in front of the first two
/// is PeerLogic's). A filter over 36,000 bytes or 50 hash functions, or an element over 520 bytes, costs 100
/// points; a loaded filter or filterclear turns transaction relay on, whatever the version message said.
/// </summary>
public sealed class BloomFilterHandler : IMessageHandler
{
    /// <summary>MAX_SCRIPT_ELEMENT_SIZE: nothing a filter can match is longer.</summary>
    public const int MaxElementSize = 520;

    private readonly P2POptions options;

    public BloomFilterHandler(P2POptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    public IReadOnlyCollection<string> Commands { get; } = [NetCommands.FilterLoad, NetCommands.FilterAdd, NetCommands.FilterClear];

    public ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(frame);
        switch (frame.Command)
        {
            case NetCommands.FilterLoad:
                Load(peer, frame.Payload);
                break;
            case NetCommands.FilterAdd:
                Add(peer, frame.Payload);
                break;
            default:
                Clear(peer);
                break;
        }

        return ValueTask.CompletedTask;
    }

    private static void Load(PeerContext peer, byte[] payload)
    {
        var filter = BloomFilter.Parse(payload);
        if (!filter.IsWithinSizeConstraints)
        {
            peer.Misbehaving(100, $"filterload of {filter.Size} bytes, {filter.HashFunctions} hash functions");
            return;
        }

        peer.State.Bloom.Load(filter);
        peer.State.RelayTransactions = true;
    }

    private static void Add(PeerContext peer, byte[] payload)
    {
        var reader = new PayloadReader(payload);
        var length = reader.ReadCompactSize();
        if (length > (ulong)reader.Remaining)
        {
            throw new MalformedPayloadException("end of data");
        }

        if (length > MaxElementSize)
        {
            peer.Misbehaving(100, $"filteradd of {length} bytes");
            return;
        }

        peer.State.Bloom.Add(reader.ReadBytes((int)length));
    }

    private void Clear(PeerContext peer)
    {
        // BIP111: without NODE_BLOOM filterclear still turns relay on (for fRelay=false peers), but holds no filter.
        if ((options.LocalServices & ServiceFlags.Bloom) != 0)
        {
            peer.State.Bloom.Reset();
        }

        peer.State.RelayTransactions = true;
    }
}
