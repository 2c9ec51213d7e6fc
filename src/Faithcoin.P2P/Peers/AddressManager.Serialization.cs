using System.Net;
using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;

namespace Faithcoin.P2P.Peers;

/// <summary>
/// CAddrMan's serialized form (version 1), byte for byte: version, key size, key, new and tried counts, the
/// bucket count xor 2^30, the new entries, the tried entries, then each new bucket's entry indices.
/// </summary>
public sealed partial class AddressManager
{
    /// <summary>The client version written into each CAddress on disk (SER_DISK); readers ignore it.</summary>
    private const int DiskClientVersion = 150100;

    private const int FormatVersion = 1;

    public void WriteTo(PayloadWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        lock (gate)
        {
            writer.WriteByte(FormatVersion).WriteByte(32).WriteBytes(buckets.Key)
                .WriteInt32(newCount).WriteInt32(triedCount).WriteInt32(AddressBuckets.NewBucketCount ^ (1 << 30));
            var ordered = byId.OrderBy(e => e.Key).ToList();
            var fileIndex = new Dictionary<int, int>();
            foreach (var (id, info) in ordered.Where(e => e.Value.RefCount > 0))
            {
                fileIndex[id] = fileIndex.Count;
                WriteEntry(writer, info);
            }

            foreach (var (_, info) in ordered.Where(e => e.Value.InTried))
            {
                WriteEntry(writer, info);
            }

            for (var bucket = 0; bucket < AddressBuckets.NewBucketCount; bucket++)
            {
                var ids = Enumerable.Range(0, AddressBuckets.BucketSize).Select(p => newTable[bucket, p]).Where(id => id != Empty).ToList();
                writer.WriteInt32(ids.Count);
                ids.ForEach(id => writer.WriteInt32(fileIndex[id]));
            }
        }
    }

    /// <summary>Replaces the content with a serialized CAddrMan; throws <see cref="InvalidDataException"/> when it is not one.</summary>
    public void ReadFrom(ReadOnlySpan<byte> data)
    {
        var reader = new PayloadReader(data);
        try
        {
            lock (gate)
            {
                ResetTables();
                Load(ref reader);
            }
        }
        catch (MalformedPayloadException e)
        {
            Clear();
            throw new InvalidDataException("The address data ends early.", e);
        }
        catch (InvalidDataException)
        {
            Clear();
            throw;
        }
    }

    private static void WriteEntry(PayloadWriter writer, AddressInfo info)
    {
        writer.WriteInt32(DiskClientVersion).WriteUInt32((uint)info.Time).WriteUInt64((ulong)info.Services)
            .WriteBytes(info.Address.GetAddressBytes()).WriteUInt16BigEndian((ushort)info.Port)
            .WriteBytes(info.Source.GetAddressBytes()).WriteInt64(info.LastSuccess).WriteInt32(info.Attempts);
    }

    private static AddressInfo ReadEntry(ref PayloadReader reader)
    {
        reader.ReadInt32();
        var addressTime = reader.ReadUInt32();
        var services = (ServiceFlags)reader.ReadUInt64();
        var address = new IPAddress(reader.ReadBytes(16));
        var port = reader.ReadUInt16BigEndian();
        var source = new IPAddress(reader.ReadBytes(16));
        return new AddressInfo(new IPEndPoint(address, port), services, addressTime, source)
        {
            LastSuccess = reader.ReadInt64(),
            Attempts = reader.ReadInt32(),
        };
    }

    private void Load(ref PayloadReader reader)
    {
        var version = reader.ReadByte();
        if (reader.ReadByte() != 32)
        {
            throw new InvalidDataException("Incorrect keysize in addrman deserialization");
        }

        buckets = new AddressBuckets(reader.ReadBytes(32));
        var fileNew = reader.ReadInt32();
        var fileTried = reader.ReadInt32();
        var bucketCount = reader.ReadInt32();
        if (version != 0)
        {
            bucketCount ^= 1 << 30;
        }

        if (fileNew is < 0 or > AddressBuckets.NewBucketCount * AddressBuckets.BucketSize
            || fileTried is < 0 or > AddressBuckets.TriedBucketCount * AddressBuckets.BucketSize
            || bucketCount < 0)
        {
            throw new InvalidDataException("Corrupt CAddrMan serialization, counts out of range.");
        }

        // Bucket positions are only reusable when written with this layout and key; otherwise re-place by source.
        var positionsUsable = version == FormatVersion && bucketCount == AddressBuckets.NewBucketCount;
        for (var n = 0; n < fileNew; n++)
        {
            var info = ReadEntry(ref reader);
            if (byAddress.ContainsKey(info.Address))
            {
                throw new InvalidDataException("Duplicate address in addrman deserialization.");
            }

            Register(n, info);
            if (!positionsUsable)
            {
                PlaceBySource(info, n);
            }
        }

        nextId = fileNew;
        newCount = fileNew;
        for (var n = 0; n < fileTried; n++)
        {
            var info = ReadEntry(ref reader);
            var bucket = buckets.TriedBucket(info);
            var position = buckets.Position(info, false, bucket);
            if (triedTable[bucket, position] == Empty && !byAddress.ContainsKey(info.Address))
            {
                info.InTried = true;
                Register(nextId, info);
                triedTable[bucket, position] = nextId++;
                triedCount++;
            }
        }

        for (var bucket = 0; bucket < bucketCount; bucket++)
        {
            var size = reader.ReadInt32();
            for (var n = 0; n < size; n++)
            {
                var index = reader.ReadInt32();
                if (index < 0 || index >= fileNew || bucket >= AddressBuckets.NewBucketCount)
                {
                    continue;
                }

                var info = byId[index];
                var position = buckets.Position(info, true, bucket);
                if (positionsUsable && newTable[bucket, position] == Empty && info.RefCount < MaxRefCount)
                {
                    info.RefCount++;
                    newTable[bucket, position] = index;
                }
            }
        }

        // Entries that lost every slot to collisions are dropped, as 0.15 does.
        foreach (var id in byId.Where(e => !e.Value.InTried && e.Value.RefCount == 0).Select(e => e.Key).ToList())
        {
            Delete(id);
        }
    }

    private void PlaceBySource(AddressInfo info, int id)
    {
        var bucket = buckets.NewBucket(info);
        var position = buckets.Position(info, true, bucket);
        if (newTable[bucket, position] == Empty)
        {
            newTable[bucket, position] = id;
            info.RefCount++;
        }
    }
}
