using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using Faithcoin.P2P.Wire.Payloads;

namespace Faithcoin.P2P.Peers;

/// <summary>
/// Where an address sits in the tables, exactly as 0.15 computes it (GetNewBucket, GetTriedBucket,
/// GetBucketPosition): double SHA-256 over the secret key and the serialized groups or address, first 8 bytes
/// little-endian. Matching the original keeps an original's peers.dat positions valid.
/// </summary>
public sealed class AddressBuckets
{
    public const int NewBucketCount = 1024;
    public const int TriedBucketCount = 256;
    public const int BucketSize = 64;

    /// <summary>ADDRMAN_TRIED_BUCKETS_PER_GROUP.</summary>
    private const int TriedBucketsPerGroup = 8;

    /// <summary>ADDRMAN_NEW_BUCKETS_PER_SOURCE_GROUP: one source group can fill at most this many new buckets.</summary>
    private const int NewBucketsPerSourceGroup = 64;

    private readonly byte[] key;

    public AddressBuckets(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("The address manager key is 32 bytes.", nameof(key));
        }

        this.key = key.ToArray();
    }

    public ReadOnlySpan<byte> Key => key;

    public int NewBucket(IPAddress address, IPAddress source)
    {
        var sourceGroup = NetworkGroup.Of(source);
        var hash1 = CheapHash(w => w.WriteBytes(key).WriteVector(NetworkGroup.Of(address)).WriteVector(sourceGroup));
        var hash2 = CheapHash(w => w.WriteBytes(key).WriteVector(sourceGroup).WriteUInt64(hash1 % NewBucketsPerSourceGroup));
        return (int)(hash2 % NewBucketCount);
    }

    public int TriedBucket(IPAddress address, int port)
    {
        var hash1 = CheapHash(w => w.WriteBytes(key).WriteVector(ServiceKey(address, port)));
        var hash2 = CheapHash(w => w.WriteBytes(key).WriteVector(NetworkGroup.Of(address)).WriteUInt64(hash1 % TriedBucketsPerGroup));
        return (int)(hash2 % TriedBucketCount);
    }

    public int Position(IPAddress address, int port, bool inNew, int bucket)
    {
        var hash = CheapHash(w => w.WriteBytes(key).WriteByte((byte)(inNew ? 'N' : 'K')).WriteInt32(bucket).WriteVector(ServiceKey(address, port)));
        return (int)(hash % BucketSize);
    }

    public int NewBucket(AddressInfo info) => NewBucket(info.Address, info.Source);

    public int TriedBucket(AddressInfo info) => TriedBucket(info.Address, info.Port);

    public int Position(AddressInfo info, bool inNew, int bucket) => Position(info.Address, info.Port, inNew, bucket);

    // CService::GetKey: the 16 address bytes and the port, big-endian.
    private static byte[] ServiceKey(IPAddress address, int port)
    {
        var bytes = new byte[18];
        NetworkGroup.ToIPv6(address).GetAddressBytes().CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(16), (ushort)port);
        return bytes;
    }

    private static ulong CheapHash(Action<PayloadWriter> write)
    {
        var writer = new PayloadWriter();
        write(writer);
        var hash = SHA256.HashData(SHA256.HashData(writer.ToArray()));
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }
}
