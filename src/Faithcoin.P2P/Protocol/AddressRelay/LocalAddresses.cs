using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Faithcoin.P2P.Peers;

namespace Faithcoin.P2P.Protocol.AddressRelay;

/// <summary>
/// 0.15's mapLocalHost: the addresses we believe we can be reached at, each with a score (an interface 1, a
/// bound address 2, -externalip 4, plus one each time a peer saw us there). GetLocal picks the one a given
/// peer can best reach, ties to the higher score. Thread-safe.
/// </summary>
public sealed class LocalAddresses
{
    /// <summary>LOCAL_IF.</summary>
    public const int InterfaceScore = 1;

    /// <summary>LOCAL_BIND.</summary>
    public const int BindScore = 2;

    /// <summary>LOCAL_MANUAL.</summary>
    public const int ManualScore = 4;

    private readonly Lock gate = new();
    private readonly Dictionary<IPEndPoint, int> scores = [];

    public LocalAddresses(bool discover)
    {
        Discover = discover;
    }

    /// <summary>fDiscover.</summary>
    public bool Discover { get; }

    public IReadOnlyList<KeyValuePair<IPEndPoint, int>> All
    {
        get
        {
            lock (gate)
            {
                return [.. scores];
            }
        }
    }

    /// <summary>AddLocal: routable addresses only, and below LOCAL_MANUAL only with discovery on.</summary>
    public bool Add(IPEndPoint endpoint, int score)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!AddressClass.IsRoutable(endpoint.Address) || (!Discover && score < ManualScore))
        {
            return false;
        }

        var key = Normalize(endpoint);
        lock (gate)
        {
            var already = scores.TryGetValue(key, out var current);
            if (!already || score >= current)
            {
                scores[key] = score + (already ? 1 : 0);
            }
        }

        return true;
    }

    /// <summary>SeenLocal: a peer saw us at a known local address, which makes it more trusted.</summary>
    public bool Seen(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var key = Normalize(endpoint);
        lock (gate)
        {
            if (!scores.TryGetValue(key, out var score))
            {
                return false;
            }

            scores[key] = score + 1;
            return true;
        }
    }

    /// <summary>GetLocal: the best address for <paramref name="peer"/> to reach us at, with its score; null when none.</summary>
    public (IPEndPoint Endpoint, int Score)? Best(IPAddress? peer)
    {
        lock (gate)
        {
            (IPEndPoint Endpoint, int Score)? best = null;
            var bestReach = -1;
            foreach (var (endpoint, score) in scores)
            {
                var reach = Reachability(endpoint.Address, peer);
                if (reach > bestReach || (reach == bestReach && score > best!.Value.Score))
                {
                    best = (endpoint, score);
                    bestReach = reach;
                }
            }

            return best;
        }
    }

    /// <summary>Discover: the routable addresses of our interfaces, at LOCAL_IF (only with discovery on).</summary>
    public void AddInterfaceAddresses(int port)
    {
        if (!Discover)
        {
            return;
        }

        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces().Where(n => n.OperationalStatus == OperationalStatus.Up))
        {
            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                Add(new IPEndPoint(unicast.Address, port), InterfaceScore);
            }
        }
    }

    // CNetAddr::GetReachabilityFrom, without the Teredo and tunnel cases: IPv4 is the safe choice for anyone,
    // our IPv6 is strong for an IPv6 peer and weak for a peer whose network we cannot tell.
    private static int Reachability(IPAddress ours, IPAddress? peer)
    {
        const int Default = 1, IPv6Weak = 3, IPv4 = 4, IPv6Strong = 5;
        if (ours.AddressFamily == AddressFamily.InterNetwork)
        {
            return IPv4;
        }

        if (peer is null || !AddressClass.IsRoutable(peer))
        {
            return IPv6Weak;
        }

        return AddressClass.Normalize(peer).AddressFamily == AddressFamily.InterNetworkV6 ? IPv6Strong : Default;
    }

    private static IPEndPoint Normalize(IPEndPoint endpoint) => new(AddressClass.Normalize(endpoint.Address), endpoint.Port);
}
