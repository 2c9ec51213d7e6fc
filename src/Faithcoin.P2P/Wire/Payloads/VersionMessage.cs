namespace Faithcoin.P2P.Wire.Payloads;

/// <summary>
/// The version message. The fields after <see cref="Receiver"/> are optional on the wire (0.15 reads each only
/// if bytes remain), so they carry 0.15's defaults when a peer leaves them out.
/// </summary>
public sealed record VersionMessage
{
    public required int Version { get; init; }

    public required ServiceFlags Services { get; init; }

    /// <summary>The sender's clock, Unix seconds.</summary>
    public required long Timestamp { get; init; }

    /// <summary>addr_recv: how the sender sees the receiver.</summary>
    public required WireAddress Receiver { get; init; }

    /// <summary>addr_from: 0.15 sends an empty address with its services here.</summary>
    public WireAddress? Sender { get; init; }

    public ulong Nonce { get; init; } = 1;

    public string UserAgent { get; init; } = string.Empty;

    public int StartHeight { get; init; } = -1;

    /// <summary>fRelay: false asks not to be sent transactions until a filter is loaded (BIP37).</summary>
    public bool Relay { get; init; } = true;
}
