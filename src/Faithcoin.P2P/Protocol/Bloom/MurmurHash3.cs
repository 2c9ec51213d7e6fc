using System.Buffers.Binary;
using System.Numerics;

namespace Faithcoin.P2P.Protocol.Bloom;

/// <summary>MurmurHash3 x86_32 (hash.cpp): the hash BIP37 filters are built with, so both ends agree bit for bit.</summary>
public static class MurmurHash3
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    public static uint Hash(uint seed, ReadOnlySpan<byte> data)
    {
        unchecked
        {
            var h1 = seed;
            var blocks = data.Length / 4;
            for (var i = 0; i < blocks; i++)
            {
                var k1 = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4));
                h1 ^= Scramble(k1);
                h1 = BitOperations.RotateLeft(h1, 13);
                h1 = (h1 * 5) + 0xe6546b64;
            }

            var tail = data[(blocks * 4)..];
            uint last = 0;
            switch (tail.Length)
            {
                case 3:
                    last ^= (uint)tail[2] << 16;
                    goto case 2;
                case 2:
                    last ^= (uint)tail[1] << 8;
                    goto case 1;
                case 1:
                    last ^= tail[0];
                    h1 ^= Scramble(last);
                    break;
            }

            h1 ^= (uint)data.Length;
            h1 ^= h1 >> 16;
            h1 *= 0x85ebca6b;
            h1 ^= h1 >> 13;
            h1 *= 0xc2b2ae35;
            h1 ^= h1 >> 16;
            return h1;
        }
    }

    private static uint Scramble(uint k1)
    {
        unchecked
        {
            k1 *= C1;
            k1 = BitOperations.RotateLeft(k1, 15);
            return k1 * C2;
        }
    }
}
