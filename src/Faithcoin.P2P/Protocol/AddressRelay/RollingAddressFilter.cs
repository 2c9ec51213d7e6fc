using System.Net;

namespace Faithcoin.P2P.Protocol.AddressRelay;

/// <summary>
/// addrKnown: remembers at least the last <c>capacity</c> addresses (address and port, 0.15's GetKey) a peer
/// told us or we told it. 0.15 uses a rolling bloom filter; two generations of exact sets do the same job
/// without false positives. Not thread-safe: <see cref="PeerAddressState"/> locks.
/// </summary>
public sealed class RollingAddressFilter
{
    private readonly int capacity;
    private HashSet<IPEndPoint> current = [];
    private HashSet<IPEndPoint> previous = [];

    public RollingAddressFilter(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.capacity = capacity;
    }

    public bool Contains(IPEndPoint endpoint)
    {
        var key = Key(endpoint);
        return current.Contains(key) || previous.Contains(key);
    }

    public void Add(IPEndPoint endpoint)
    {
        var key = Key(endpoint);
        if (current.Contains(key) || previous.Contains(key))
        {
            return;
        }

        if (current.Count >= capacity)
        {
            previous = current;
            current = [];
        }

        current.Add(key);
    }

    // IPv4 arrives both plain and mapped into IPv6; 0.15 keys on the 16-byte form.
    private static IPEndPoint Key(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var address = endpoint.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? endpoint.Address.MapToIPv6()
            : endpoint.Address;
        return new IPEndPoint(address, endpoint.Port);
    }
}
