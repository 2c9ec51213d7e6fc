using System.Globalization;

namespace Faithcoin.P2P.Net;

/// <summary>
/// 0.15's InactivityCheck. Nothing is judged in the first minute; after it a peer must have both sent and
/// received something, must have completed the handshake, and must not have been silent either way for
/// TIMEOUT_INTERVAL. (The ping timeout, which 0.15 checks here too, is the protocol logic's, as it owns pings.)
/// </summary>
public sealed class InactivityPolicy
{
    private readonly TimeSpan handshakeTimeout;
    private readonly TimeSpan inactivityTimeout;

    public InactivityPolicy(TimeSpan handshakeTimeout, TimeSpan inactivityTimeout)
    {
        this.handshakeTimeout = handshakeTimeout;
        this.inactivityTimeout = inactivityTimeout;
    }

    /// <summary>Why the peer should be dropped now, or null.</summary>
    public string? Check(
        DateTimeOffset now,
        DateTimeOffset connectedAt,
        DateTimeOffset? lastSend,
        DateTimeOffset? lastReceive,
        bool handshakeComplete)
    {
        if (now - connectedAt <= handshakeTimeout)
        {
            return null;
        }

        if (lastReceive is null || lastSend is null)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"socket no message in first {handshakeTimeout.TotalSeconds} seconds, {(lastReceive is null ? 0 : 1)} {(lastSend is null ? 0 : 1)}");
        }

        if (now - lastSend.Value > inactivityTimeout)
        {
            return string.Create(CultureInfo.InvariantCulture, $"socket sending timeout: {(long)(now - lastSend.Value).TotalSeconds}s");
        }

        if (now - lastReceive.Value > inactivityTimeout)
        {
            return string.Create(CultureInfo.InvariantCulture, $"socket receive timeout: {(long)(now - lastReceive.Value).TotalSeconds}s");
        }

        return handshakeComplete ? null : "version handshake timeout";
    }
}
