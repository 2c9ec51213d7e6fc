using Faithcoin.P2P;

namespace Faithcoin.Node.Networking;

/// <summary>
/// What the chain notifications, the RPC methods and the P2P host share: the running P2P node (null before start,
/// after stop, and with no network) and the initial-download flag as last computed, which peers read without
/// touching the chain manager's lock. It has no dependencies so the chain's notification list can hold it.
/// </summary>
public sealed class NetworkState
{
    private volatile P2PNode? node;
    private volatile bool initialDownload = true;
    private long checkedAtTicks;

    public P2PNode? Node => node;

    /// <summary>IsInitialBlockDownload as last seen; once false it stays false, as 0.15 latches it.</summary>
    public bool InitialDownload => initialDownload;

    /// <summary>When the flag was last computed; a refresh is due when it gets old while the flag is still true.</summary>
    public DateTimeOffset InitialDownloadCheckedAt => new(Interlocked.Read(ref checkedAtTicks), TimeSpan.Zero);

    internal void SetNode(P2PNode? running) => node = running;

    internal void SetInitialDownload(bool value, DateTimeOffset now)
    {
        if (initialDownload)
        {
            initialDownload = value;
        }

        Interlocked.Exchange(ref checkedAtTicks, now.UtcTicks);
    }
}
