using System.Buffers.Binary;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Bloom;

/// <summary>
/// A BIP37 filter as 0.15's CBloomFilter: bit i of the data is set by key k when MurmurHash3(i × 0xFBA4C795 +
/// nTweak, k) mod (8 × size) lands on it, for each of nHashFuncs functions. isFull and isEmpty are not sent on
/// the wire; they short-cut matching (a full filter matches everything, an empty one nothing) and are worked out
/// when a filter is loaded. Not thread-safe: a peer's filter is used under that peer's gate only.
/// </summary>
public sealed class BloomFilter
{
    /// <summary>MAX_BLOOM_FILTER_SIZE: 36,000 bytes (20,000 items at a 0.1% false positive rate).</summary>
    public const int MaxSize = 36_000;

    /// <summary>MAX_HASH_FUNCS.</summary>
    public const uint MaxHashFunctions = 50;

    private const double Ln2Squared = 0.4804530139182014246671025263266649717305529515945455;
    private const double Ln2 = 0.6931471805599453094172321214581765680755001343602552;
    private const uint HashSeedStep = 0xFBA4C795;

    private readonly byte[] data;
    private readonly uint hashFunctions;
    private readonly uint tweak;
    private readonly byte flags;
    private bool isFull;
    private bool isEmpty;

    private BloomFilter(byte[] data, uint hashFunctions, uint tweak, byte flags, bool isFull, bool isEmpty)
    {
        this.data = data;
        this.hashFunctions = hashFunctions;
        this.tweak = tweak;
        this.flags = flags;
        this.isFull = isFull;
        this.isEmpty = isEmpty;
    }

    public uint HashFunctions => hashFunctions;

    public uint Tweak => tweak;

    public byte Flags => flags;

    public int Size => data.Length;

    public BloomUpdate Update => (BloomUpdate)(flags & (byte)BloomUpdate.Mask);

    /// <summary>IsWithinSizeConstraints: what a peer may load.</summary>
    public bool IsWithinSizeConstraints => data.Length <= MaxSize && hashFunctions <= MaxHashFunctions;

    /// <summary>The default-constructed CBloomFilter every peer starts with (and filterclear restores): it matches everything.</summary>
    public static BloomFilter MatchAll() => new([], 0, 0, 0, isFull: true, isEmpty: false);

    /// <summary>The sizing constructor: enough bits for <paramref name="elements"/> at <paramref name="falsePositiveRate"/>, capped at the protocol limits.</summary>
    public static BloomFilter Create(uint elements, double falsePositiveRate, uint tweak, byte flags)
    {
        ArgumentOutOfRangeException.ThrowIfZero(elements);
        var bits = Math.Min((uint)(-1 / Ln2Squared * elements * Math.Log(falsePositiveRate)), MaxSize * 8);
        var bytes = bits / 8;
        var functions = Math.Min((uint)(bytes * 8 / elements * Ln2), MaxHashFunctions);
        return new BloomFilter(new byte[bytes], functions, tweak, flags, isFull: false, isEmpty: true);
    }

    /// <summary>A filterload payload (vData, nHashFuncs, nTweak, nFlags); isFull and isEmpty follow from the data.</summary>
    public static BloomFilter Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        var length = reader.ReadCompactSize();
        if (length > (ulong)reader.Remaining)
        {
            throw new MalformedPayloadException("end of data");
        }

        var bits = reader.ReadBytes((int)length).ToArray();
        var functions = reader.ReadUInt32();
        var tweak = reader.ReadUInt32();
        var flags = reader.ReadByte();
        return new BloomFilter(bits, functions, tweak, flags, bits.All(b => b == 0xff), bits.All(b => b == 0));
    }

    public byte[] ToBytes() =>
        new PayloadWriter().WriteCompactSize((ulong)data.Length).WriteBytes(data).WriteUInt32(hashFunctions).WriteUInt32(tweak).WriteByte(flags).ToArray();

    public void Insert(ReadOnlySpan<byte> key)
    {
        if (isFull || data.Length == 0)
        {
            return;
        }

        for (uint i = 0; i < hashFunctions; i++)
        {
            var index = BitIndex(i, key);
            data[index >> 3] |= (byte)(1 << (int)(index & 7));
        }

        isEmpty = false;
    }

    public void Insert(uint256 hash) => Insert(hash.ToBytes());

    public void Insert(OutPoint outPoint) => Insert(Serialize(outPoint));

    public bool Contains(ReadOnlySpan<byte> key)
    {
        if (isFull)
        {
            return true;
        }

        if (isEmpty)
        {
            return false;
        }

        for (uint i = 0; i < hashFunctions; i++)
        {
            var index = BitIndex(i, key);
            if ((data[index >> 3] & (1 << (int)(index & 7))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    public bool Contains(uint256 hash) => Contains(hash.ToBytes());

    public bool Contains(OutPoint outPoint) => Contains(Serialize(outPoint));

    /// <summary>
    /// IsRelevantAndUpdate: the txid, a data push in an output script (then, by the update flags, that output's
    /// outpoint joins the filter so its spends match too), a spent outpoint, or a data push in an input script.
    /// </summary>
    public bool IsRelevantAndUpdate(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (isFull)
        {
            return true;
        }

        if (isEmpty)
        {
            return false;
        }

        var txid = transaction.GetHash();
        var found = Contains(txid);
        for (var i = 0; i < transaction.Outputs.Count; i++)
        {
            var script = transaction.Outputs[i].ScriptPubKey.ToBytes(true);
            if (FirstPushMatches(script))
            {
                found = true;
                if (Update == BloomUpdate.All || (Update == BloomUpdate.PayToPubKeyOnly && ScriptOps.IsPayToPubKeyOrMultisig(script)))
                {
                    Insert(new OutPoint(txid, (uint)i));
                }
            }
        }

        if (found)
        {
            return true;
        }

        foreach (var input in transaction.Inputs)
        {
            if (Contains(input.PrevOut) || FirstPushMatches(input.ScriptSig.ToBytes(true)))
            {
                return true;
            }
        }

        return false;
    }

    private bool FirstPushMatches(ReadOnlySpan<byte> script)
    {
        var position = 0;
        while (position < script.Length)
        {
            if (!ScriptOps.TryReadOp(script, ref position, out _, out var pushed))
            {
                return false;
            }

            if (pushed.Length != 0 && Contains(pushed))
            {
                return true;
            }
        }

        return false;
    }

    private uint BitIndex(uint hashNumber, ReadOnlySpan<byte> key) =>
        unchecked(MurmurHash3.Hash((hashNumber * HashSeedStep) + tweak, key) % ((uint)data.Length * 8));

    private static byte[] Serialize(OutPoint outPoint)
    {
        var bytes = new byte[36];
        outPoint.Hash.ToBytes().CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(32), outPoint.N);
        return bytes;
    }
}
