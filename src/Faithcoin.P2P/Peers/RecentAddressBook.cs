using System.Net;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Peers;

/// <summary>A bounded, in-memory set of the most recently heard addresses, one entry per address and port.</summary>
public sealed class RecentAddressBook : IAddressBook
{
    private const int GetAddrMax = 2500;

    private readonly object gate = new();
    private readonly int capacity;
    private readonly LinkedList<NetworkAddress> order = new();
    private readonly Dictionary<string, LinkedListNode<NetworkAddress>> byKey = new(StringComparer.Ordinal);

    public RecentAddressBook(int capacity = 10000)
    {
        this.capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byKey.Count;
            }
        }
    }

    public void Add(IReadOnlyList<NetworkAddress> addresses, IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        lock (gate)
        {
            foreach (var address in addresses.Where(a => a.IsAddrV1Compatible))
            {
                var key = address.ToString();
                if (byKey.Remove(key, out var existing))
                {
                    order.Remove(existing);
                }

                byKey[key] = order.AddFirst(address);
                if (byKey.Count > capacity)
                {
                    var oldest = order.Last!;
                    order.RemoveLast();
                    byKey.Remove(oldest.Value.ToString());
                }
            }
        }
    }

    public IReadOnlyList<NetworkAddress> GetAddresses()
    {
        lock (gate)
        {
            return order.Take(GetAddrMax).ToList();
        }
    }
}
