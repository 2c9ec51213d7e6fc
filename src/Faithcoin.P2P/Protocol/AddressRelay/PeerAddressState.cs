using System.Net;
using NetworkAddress = NBitcoin.Protocol.NetworkAddress;

namespace Faithcoin.P2P.Protocol.AddressRelay;

/// <summary>
/// The address half of 0.15's CNode: addrKnown, vAddrToSend and the two addr timers. Other peers' threads push
/// relayed addresses into the queue, so the known filter and the queue have their own lock.
/// </summary>
public sealed class PeerAddressState
{
    /// <summary>The size of addrKnown.</summary>
    public const int KnownCapacity = 5000;

    /// <summary>MAX_ADDR_TO_SEND: the queue's bound, and the most entries one addr message carries.</summary>
    public const int MaxToSend = 1000;

    private readonly Lock gate = new();
    private readonly RollingAddressFilter known = new(KnownCapacity);
    private readonly List<NetworkAddress> toSend = [];

    /// <summary>nNextAddrSend: the first pass after the handshake sends at once.</summary>
    public DateTimeOffset NextSend { get; set; } = DateTimeOffset.MinValue;

    /// <summary>nNextLocalAddrSend: the next time our own address is pushed.</summary>
    public DateTimeOffset NextLocalSend { get; set; } = DateTimeOffset.MinValue;

    /// <summary>addrLocal: the address the peer says it sees us at (version's addr_recv), unless all zeros.</summary>
    public IPEndPoint? SeenAs { get; set; }

    public int QueuedCount
    {
        get
        {
            lock (gate)
            {
                return toSend.Count;
            }
        }
    }

    public void AddKnown(IPEndPoint endpoint)
    {
        lock (gate)
        {
            known.Add(endpoint);
        }
    }

    public bool IsKnown(IPEndPoint endpoint)
    {
        lock (gate)
        {
            return known.Contains(endpoint);
        }
    }

    /// <summary>PushAddress: queued unless known; a full queue has a random entry replaced.</summary>
    public void Push(NetworkAddress address, Random random)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(random);
        if (address.Endpoint is not IPEndPoint endpoint)
        {
            return;
        }

        lock (gate)
        {
            if (known.Contains(endpoint))
            {
                return;
            }

            if (toSend.Count >= MaxToSend)
            {
                toSend[random.Next(toSend.Count)] = address;
            }
            else
            {
                toSend.Add(address);
            }
        }
    }

    /// <summary>Drops the queue (a getaddr answer replaces whatever was waiting).</summary>
    public void ClearQueue()
    {
        lock (gate)
        {
            toSend.Clear();
        }
    }

    /// <summary>
    /// Empties the queue into addr messages of at most <see cref="MaxToSend"/> entries, leaving out what became
    /// known since it was queued and marking the rest known.
    /// </summary>
    public IReadOnlyList<NetworkAddress[]> TakeMessages()
    {
        lock (gate)
        {
            var messages = new List<NetworkAddress[]>();
            var batch = new List<NetworkAddress>();
            foreach (var address in toSend)
            {
                if (address.Endpoint is not IPEndPoint endpoint || known.Contains(endpoint))
                {
                    continue;
                }

                known.Add(endpoint);
                batch.Add(address);
                if (batch.Count >= MaxToSend)
                {
                    messages.Add([.. batch]);
                    batch.Clear();
                }
            }

            toSend.Clear();
            if (batch.Count > 0)
            {
                messages.Add([.. batch]);
            }

            return messages;
        }
    }
}
