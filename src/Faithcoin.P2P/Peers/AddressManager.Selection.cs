namespace Faithcoin.P2P.Peers;

/// <summary>Select (where to connect next) and GetAddr (what to tell a peer that asks).</summary>
public sealed partial class AddressManager
{
    /// <summary>ADDRMAN_GETADDR_MAX_PCT.</summary>
    private const int GetAddrMaxPercent = 23;

    /// <summary>ADDRMAN_GETADDR_MAX.</summary>
    private const int GetAddrMax = 2500;

    /// <summary>
    /// Select: tried or new at even odds (new only for a feeler), then random slots until one passes its chance,
    /// the bar dropping by 1.2 each miss. Null when there is nothing to pick.
    /// </summary>
    public AddressInfo? Select(bool newOnly = false)
    {
        lock (gate)
        {
            if (randomOrder.Count == 0 || (newOnly && newCount == 0))
            {
                return null;
            }

            var useTried = !newOnly && triedCount > 0 && (newCount == 0 || random.Next(2) == 0);
            return useTried
                ? Pick(triedTable, AddressBuckets.TriedBucketCount).Clone()
                : Pick(newTable, AddressBuckets.NewBucketCount).Clone();
        }
    }

    /// <summary>GetAddr: a random 23% of the table, at most 2500, leaving out terrible entries.</summary>
    public IReadOnlyList<AddressInfo> GetAddresses()
    {
        lock (gate)
        {
            var now = Now;
            var wanted = Math.Min(GetAddrMaxPercent * randomOrder.Count / 100, GetAddrMax);
            var result = new List<AddressInfo>(wanted);
            for (var n = 0; n < randomOrder.Count && result.Count < wanted; n++)
            {
                SwapRandom(n, random.Next(randomOrder.Count - n) + n);
                var info = byId[randomOrder[n]];
                if (!info.IsTerrible(now))
                {
                    result.Add(info.Clone());
                }
            }

            return result;
        }
    }

    private AddressInfo Pick(int[,] table, int bucketCount)
    {
        var now = Now;
        var chanceFactor = 1.0;
        while (true)
        {
            var bucket = random.Next(bucketCount);
            var position = random.Next(AddressBuckets.BucketSize);
            while (table[bucket, position] == Empty)
            {
                bucket = (bucket + random.Next(bucketCount)) % bucketCount;
                position = (position + random.Next(AddressBuckets.BucketSize)) % AddressBuckets.BucketSize;
            }

            var info = byId[table[bucket, position]];
            if (random.Next(1 << 30) < chanceFactor * info.GetChance(now) * (1 << 30))
            {
                return info;
            }

            chanceFactor *= 1.2;
        }
    }
}
