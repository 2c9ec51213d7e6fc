namespace Faithcoin.P2P.Protocol.Sync;

/// <summary>The answer of <see cref="BlockDownloadTracker.MarkInFlightForCompact"/>.</summary>
public enum CompactFlight
{
    Marked,
    AlreadyFromPeer,
    Unavailable,
}
