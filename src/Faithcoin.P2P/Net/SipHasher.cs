using System.Numerics;

namespace Faithcoin.P2P.Net;

/// <summary>
/// SipHash-2-4 written to incrementally (0.15's CSipHasher): whole 64-bit words or bytes, then a 64-bit result.
/// Writes return a new hasher and leave this one as it was, so a shared prefix can be branched off (0.15
/// copies its hasher per peer for the same purpose).
/// </summary>
public struct SipHasher
{
    private ulong v0;
    private ulong v1;
    private ulong v2;
    private ulong v3;
    private ulong tail;
    private int count;

    public SipHasher(ulong k0, ulong k1)
    {
        v0 = 0x736f6d6570736575UL ^ k0;
        v1 = 0x646f72616e646f6dUL ^ k1;
        v2 = 0x6c7967656e657261UL ^ k0;
        v3 = 0x7465646279746573UL ^ k1;
    }

    /// <summary>Writes a little-endian word; only valid on a byte count that is a multiple of 8, as in 0.15.</summary>
    public readonly SipHasher Write(ulong data)
    {
        var next = this;
        next.Compress(data);
        next.count += 8;
        return next;
    }

    public readonly SipHasher Write(ReadOnlySpan<byte> data)
    {
        var next = this;
        foreach (var b in data)
        {
            next.tail |= (ulong)b << (8 * (next.count & 7));
            next.count++;
            if ((next.count & 7) == 0)
            {
                next.Compress(next.tail);
                next.tail = 0;
            }
        }

        return next;
    }

    public readonly ulong Finalize()
    {
        var (a, b, c, d) = (v0, v1, v2, v3);
        var last = tail | ((ulong)count << 56);
        d ^= last;
        Round(ref a, ref b, ref c, ref d);
        Round(ref a, ref b, ref c, ref d);
        a ^= last;
        c ^= 0xFF;
        Round(ref a, ref b, ref c, ref d);
        Round(ref a, ref b, ref c, ref d);
        Round(ref a, ref b, ref c, ref d);
        Round(ref a, ref b, ref c, ref d);
        return a ^ b ^ c ^ d;
    }

    private static void Round(ref ulong a, ref ulong b, ref ulong c, ref ulong d)
    {
        a += b;
        b = BitOperations.RotateLeft(b, 13);
        b ^= a;
        a = BitOperations.RotateLeft(a, 32);
        c += d;
        d = BitOperations.RotateLeft(d, 16);
        d ^= c;
        a += d;
        d = BitOperations.RotateLeft(d, 21);
        d ^= a;
        c += b;
        b = BitOperations.RotateLeft(b, 17);
        b ^= c;
        c = BitOperations.RotateLeft(c, 32);
    }

    private void Compress(ulong word)
    {
        v3 ^= word;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= word;
    }
}
