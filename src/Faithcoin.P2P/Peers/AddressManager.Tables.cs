using System.Net;
using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P.Peers;

/// <summary>The table bookkeeping behind Add and Good (Create, Delete, ClearNew, MakeTried); callers hold the lock.</summary>
public sealed partial class AddressManager
{
    /// <summary>
    /// 0.15 keeps routable addresses only. Not an option of the original: tests on loopback turn this on so
    /// 127.0.0.1 peers can be learnt and dialled.
    /// </summary>
    public bool AcceptLocalAddresses { get; init; }

    private void ResetTables()
    {
        byId.Clear();
        byAddress.Clear();
        randomOrder.Clear();
        Fill(newTable);
        Fill(triedTable);
        nextId = 0;
        newCount = 0;
        triedCount = 0;
        lastGood = 1;
    }

    private static void Fill(int[,] table)
    {
        for (var bucket = 0; bucket < table.GetLength(0); bucket++)
        {
            for (var position = 0; position < table.GetLength(1); position++)
            {
                table[bucket, position] = Empty;
            }
        }
    }

    // The table is keyed by IP alone, as 0.15's mapAddr; the port is compared by the callers that care.
    private AddressInfo? Find(IPEndPoint endpoint, out int id)
    {
        if (byAddress.TryGetValue(NetworkGroup.ToIPv6(endpoint.Address), out id))
        {
            return byId[id];
        }

        id = Empty;
        return null;
    }

    private AddressInfo Create(IPEndPoint endpoint, ServiceFlags services, long addressTime, IPAddress source, out int id)
    {
        id = nextId++;
        var info = new AddressInfo(endpoint, services, addressTime, source) { RandomPosition = randomOrder.Count };
        Register(id, info);
        return info;
    }

    private void Register(int id, AddressInfo info)
    {
        info.RandomPosition = randomOrder.Count;
        byId[id] = info;
        byAddress[info.Address] = id;
        randomOrder.Add(id);
    }

    private void Delete(int id)
    {
        var info = byId[id];
        SwapRandom(info.RandomPosition, randomOrder.Count - 1);
        randomOrder.RemoveAt(randomOrder.Count - 1);
        byAddress.Remove(info.Address);
        byId.Remove(id);
        newCount--;
    }

    private void SwapRandom(int first, int second)
    {
        if (first == second)
        {
            return;
        }

        (randomOrder[first], randomOrder[second]) = (randomOrder[second], randomOrder[first]);
        byId[randomOrder[first]].RandomPosition = first;
        byId[randomOrder[second]].RandomPosition = second;
    }

    private void ClearNew(int bucket, int position)
    {
        var id = newTable[bucket, position];
        if (id == Empty)
        {
            return;
        }

        var info = byId[id];
        info.RefCount--;
        newTable[bucket, position] = Empty;
        if (info.RefCount == 0)
        {
            Delete(id);
        }
    }

    // No test-before-evict (that is 0.16): the tried entry in the way goes back to the new table.
    private void MakeTried(int id)
    {
        var info = byId[id];
        for (var bucket = 0; bucket < AddressBuckets.NewBucketCount; bucket++)
        {
            var position = buckets.Position(info, true, bucket);
            if (newTable[bucket, position] == id)
            {
                newTable[bucket, position] = Empty;
                info.RefCount--;
            }
        }

        newCount--;
        var triedBucket = buckets.TriedBucket(info);
        var triedPosition = buckets.Position(info, false, triedBucket);
        var evictedId = triedTable[triedBucket, triedPosition];
        if (evictedId != Empty)
        {
            var evicted = byId[evictedId];
            evicted.InTried = false;
            triedTable[triedBucket, triedPosition] = Empty;
            triedCount--;
            var newBucket = buckets.NewBucket(evicted);
            var newPosition = buckets.Position(evicted, true, newBucket);
            ClearNew(newBucket, newPosition);
            evicted.RefCount = 1;
            newTable[newBucket, newPosition] = evictedId;
            newCount++;
        }

        triedTable[triedBucket, triedPosition] = id;
        triedCount++;
        info.InTried = true;
    }
}
