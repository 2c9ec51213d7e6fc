using System.Net;
using System.Security.Cryptography;
using Faithcoin.P2P.Wire;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Peers;

/// <summary>
/// 0.15's CAddrMan: addresses heard of go to the new table (1024 buckets of 64, placed by a secret key and the
/// source's group, an address in up to 8 slots), addresses we connected to move to the tried table (256 × 64,
/// placed by the address's own group). Outbound peers are drawn from both at even odds. Thread-safe.
/// </summary>
public sealed partial class AddressManager
{
    /// <summary>ADDRMAN_NEW_BUCKETS_PER_ADDRESS.</summary>
    private const int MaxRefCount = 8;

    private const int Empty = -1;

    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly Random random;
    private readonly Dictionary<int, AddressInfo> byId = [];
    private readonly Dictionary<IPAddress, int> byAddress = [];
    private readonly List<int> randomOrder = [];
    private readonly int[,] newTable = new int[AddressBuckets.NewBucketCount, AddressBuckets.BucketSize];
    private readonly int[,] triedTable = new int[AddressBuckets.TriedBucketCount, AddressBuckets.BucketSize];
    private AddressBuckets buckets;
    private int nextId;
    private int newCount;
    private int triedCount;
    private long lastGood = 1;

    /// <param name="key">The secret bucket key; a fresh random one when null (as a new peers.dat gets).</param>
    public AddressManager(TimeProvider? time = null, Random? random = null, byte[]? key = null)
    {
        this.time = time ?? TimeProvider.System;
        this.random = random ?? new Random();
        buckets = new AddressBuckets(key ?? RandomNumberGenerator.GetBytes(32));
        ResetTables();
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return randomOrder.Count;
            }
        }
    }

    public int NewCount
    {
        get
        {
            lock (gate)
            {
                return newCount;
            }
        }
    }

    public int TriedCount
    {
        get
        {
            lock (gate)
            {
                return triedCount;
            }
        }
    }

    public AddressBuckets Buckets => buckets;

    private long Now => time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>
    /// Add: routable addresses only; each entry's time is moved back by <paramref name="timePenalty"/> unless the
    /// source announces itself. Returns how many addresses were new to the table.
    /// </summary>
    public int Add(IEnumerable<NetworkAddress> addresses, IPAddress source, TimeSpan timePenalty = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(source);
        var added = 0;
        lock (gate)
        {
            foreach (var address in addresses)
            {
                if (address.Endpoint is IPEndPoint endpoint
                    && AddOne(endpoint, (ServiceFlags)(ulong)address.Services, address.Time.ToUnixTimeSeconds(), source, (long)timePenalty.TotalSeconds))
                {
                    added++;
                }
            }
        }

        return added;
    }

    /// <summary>Good: a connection to it worked; it moves to the tried table (its time is left alone, not to leak who we talk to).</summary>
    public void Good(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (gate)
        {
            var now = Now;
            lastGood = now;
            if (Find(endpoint, out var id) is not { } info || !info.IsSameService(endpoint))
            {
                return;
            }

            info.LastSuccess = now;
            info.LastTry = now;
            info.Attempts = 0;
            if (info.InTried)
            {
                return;
            }

            var start = random.Next(AddressBuckets.NewBucketCount);
            for (var n = 0; n < AddressBuckets.NewBucketCount; n++)
            {
                var bucket = (n + start) % AddressBuckets.NewBucketCount;
                if (newTable[bucket, buckets.Position(info, true, bucket)] == id)
                {
                    MakeTried(id);
                    return;
                }
            }
        }
    }

    /// <summary>Attempt: a connection was tried; a failure counts once per success of any address since the last count.</summary>
    public void Attempt(IPEndPoint endpoint, bool countFailure)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (gate)
        {
            if (Find(endpoint, out _) is not { } info || !info.IsSameService(endpoint))
            {
                return;
            }

            var now = Now;
            info.LastTry = now;
            if (countFailure && info.LastCountAttempt < lastGood)
            {
                info.LastCountAttempt = now;
                info.Attempts++;
            }
        }
    }

    /// <summary>Connected: a peer we were connected to went away; its time is refreshed at most every 20 minutes.</summary>
    public void Connected(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (gate)
        {
            var now = Now;
            if (Find(endpoint, out _) is { } info && info.IsSameService(endpoint) && now - info.Time > 20 * 60)
            {
                info.Time = now;
            }
        }
    }

    /// <summary>A copy of what the table holds for this address (IP and port), or null.</summary>
    public AddressInfo? Get(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (gate)
        {
            return Find(endpoint, out _) is { } info && info.IsSameService(endpoint) ? info.Clone() : null;
        }
    }

    /// <summary>Clear: forget everything and draw a new key (what a missing or corrupt peers.dat leads to).</summary>
    public void Clear()
    {
        lock (gate)
        {
            buckets = new AddressBuckets(RandomNumberGenerator.GetBytes(32));
            ResetTables();
        }
    }

    private bool AddOne(IPEndPoint endpoint, ServiceFlags services, long addressTime, IPAddress source, long penalty)
    {
        if (!AddressClass.IsRoutable(endpoint.Address) && !AcceptLocalAddresses)
        {
            return false;
        }

        if (NetworkGroup.ToIPv6(endpoint.Address).Equals(NetworkGroup.ToIPv6(source)))
        {
            penalty = 0;
        }

        var isNew = false;
        if (Find(endpoint, out var id) is { } info)
        {
            var currentlyOnline = Now - addressTime < 24 * 60 * 60;
            var updateInterval = currentlyOnline ? 60 * 60 : 24 * 60 * 60;
            if (addressTime != 0 && (info.Time == 0 || info.Time < addressTime - updateInterval - penalty))
            {
                info.Time = Math.Max(0, addressTime - penalty);
            }

            info.Services |= services;
            if (addressTime == 0 || (info.Time != 0 && addressTime <= info.Time) || info.InTried || info.RefCount == MaxRefCount)
            {
                return false;
            }

            // Each further reference is twice as hard to get as the one before.
            if (info.RefCount > 0 && random.Next(1 << info.RefCount) != 0)
            {
                return false;
            }
        }
        else
        {
            info = Create(endpoint, services, Math.Max(0, addressTime - penalty), source, out id);
            newCount++;
            isNew = true;
        }

        PlaceInNew(info, id, source);
        return isNew;
    }

    private void PlaceInNew(AddressInfo info, int id, IPAddress source)
    {
        var bucket = buckets.NewBucket(info.Address, source);
        var position = buckets.Position(info, true, bucket);
        var occupant = newTable[bucket, position];
        if (occupant == id)
        {
            return;
        }

        var insert = occupant == Empty;
        if (!insert)
        {
            var existing = byId[occupant];
            insert = existing.IsTerrible(Now) || (existing.RefCount > 1 && info.RefCount == 0);
        }

        if (insert)
        {
            ClearNew(bucket, position);
            info.RefCount++;
            newTable[bucket, position] = id;
        }
        else if (info.RefCount == 0)
        {
            Delete(id);
        }
    }
}
