using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P.Net;

/// <summary>What every connection of one node shares: the network's message start and the buffer limits.</summary>
public sealed record PeerConnectionSettings(uint Magic, long MaxReceiveBuffer, long MaxSendBuffer)
{
    /// <summary>How long a disconnecting peer's queued messages (a reject, say) may take to go out before the socket closes.</summary>
    public TimeSpan CloseGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Unprocessed received bytes before the socket is no longer read. Never below one largest message, or
    /// a big message could never complete.
    /// </summary>
    public long ReceivePauseThreshold => Math.Max(MaxReceiveBuffer, WireLimits.MaxProtocolMessageLength + MessageHeader.Size + 1);
}
