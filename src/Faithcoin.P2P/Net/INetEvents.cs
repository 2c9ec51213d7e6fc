using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P.Net;

/// <summary>
/// What the connection layer calls into (0.15's NetEventsInterface): the protocol logic sits behind this, so
/// sockets and message semantics stay apart.
/// </summary>
public interface INetEvents
{
    /// <summary>A connection is set up and about to start; an outbound peer gets our version here.</summary>
    void InitializePeer(PeerConnection peer);

    /// <summary>One good message from the peer. Called for one peer at a time, in order.</summary>
    ValueTask ProcessMessageAsync(PeerConnection peer, NetFrame frame, CancellationToken cancellationToken);

    /// <summary>Timers and queued work for the peer (pings, feefilter); after each message and on each maintenance tick.</summary>
    ValueTask SendMessagesAsync(PeerConnection peer, CancellationToken cancellationToken);

    /// <summary>The connection is gone; forget the peer.</summary>
    void FinalizePeer(PeerConnection peer);
}
