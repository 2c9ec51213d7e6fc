using System.Net;

namespace Faithcoin.P2P.Protocol.AddressRelay;

/// <summary>The address relay and self-advertisement settings (part of <see cref="P2POptions"/>).</summary>
public sealed record AddressRelayOptions
{
    /// <summary>
    /// AVG_ADDRESS_BROADCAST_INTERVAL: the average time between addr messages to a peer (Poisson spaced). A
    /// constant in 0.15; settable so tests need not wait half a minute for a getaddr answer.
    /// </summary>
    public TimeSpan BroadcastInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>AVG_LOCAL_ADDRESS_BROADCAST_INTERVAL: the average time between pushes of our own address to a peer.</summary>
    public TimeSpan LocalBroadcastInterval { get; init; } = TimeSpan.FromHours(24);

    /// <summary>-externalip: our public addresses (score LOCAL_MANUAL), advertised when listening.</summary>
    public IReadOnlyList<IPEndPoint> ExternalAddresses { get; init; } = [];

    /// <summary>
    /// -discover: learn our addresses from the interfaces and from what peers say they see us at. 0.15's
    /// default is on when listening without -externalip or -proxy; the daemon binds that. Off here by default
    /// so a library user (and a test on a machine with a public interface) advertises nothing it was not given.
    /// </summary>
    public bool Discover { get; init; }
}
