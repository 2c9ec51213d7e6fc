using System.Buffers.Binary;
using NBitcoin;

namespace Faithcoin.Node.Rest;

/// <summary>
/// The posted form of a getutxos request as 0.15 actually reads it. The original first serializes the body as a
/// length-prefixed string into its stream and then reads the flag and the outpoint vector from that stream, so the
/// flag is the first byte of the length prefix (set for any non-empty body) and the outpoint count is the body's first
/// byte. Clients written against 0.15 send what works with this; reading it any other way would answer them differently.
/// </summary>
public static class UtxoRequestBody
{
    // The original's MAX_SIZE: a larger compact size is refused before anything is read.
    private const ulong MaxSize = 0x02000000;
    private const int OutpointSize = 36;

    public static bool TryRead(byte[] body, out UtxoQuery? query)
    {
        ArgumentNullException.ThrowIfNull(body);
        query = null;
        var stream = new List<byte>(body.Length + 9);
        stream.AddRange(CompactSize(body.Length));
        stream.AddRange(body);
        var data = stream.ToArray().AsSpan();
        var checkMempool = data[0] != 0;
        data = data[1..];
        if (!TryReadCompactSize(ref data, out var count) || count > (ulong)(data.Length / OutpointSize))
        {
            return false;
        }

        var outpoints = new List<OutPoint>((int)count);
        for (var i = 0; i < (int)count; i++)
        {
            var hash = new uint256(data[..32]);
            var n = BinaryPrimitives.ReadUInt32LittleEndian(data[32..OutpointSize]);
            outpoints.Add(new OutPoint(hash, n));
            data = data[OutpointSize..];
        }

        query = new UtxoQuery(checkMempool, outpoints);
        return true;
    }

    public static byte[] CompactSize(long value) => value switch
    {
        < 253 => [(byte)value],
        <= ushort.MaxValue => [253, (byte)value, (byte)(value >> 8)],
        <= uint.MaxValue => [254, (byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)],
        _ => [255, .. BitConverter.GetBytes(value)],
    };

    /// <summary>ReadCompactSize with its checks: the shortest encoding only, and no more than MAX_SIZE.</summary>
    private static bool TryReadCompactSize(ref Span<byte> data, out ulong value)
    {
        value = 0;
        if (data.Length < 1)
        {
            return false;
        }

        var first = data[0];
        var width = first switch { 253 => 2, 254 => 4, 255 => 8, _ => 0 };
        if (data.Length < 1 + width)
        {
            return false;
        }

        value = width switch
        {
            0 => first,
            2 => BinaryPrimitives.ReadUInt16LittleEndian(data[1..]),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(data[1..]),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(data[1..]),
        };
        var minimum = width switch { 2 => 253UL, 4 => 0x10000UL, 8 => 0x100000000UL, _ => 0UL };
        data = data[(1 + width)..];
        return value >= minimum && value <= MaxSize;
    }
}
