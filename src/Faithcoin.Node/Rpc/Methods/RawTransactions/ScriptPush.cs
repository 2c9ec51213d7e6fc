using System.Buffers.Binary;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// CScript's operator&lt;&lt;(vector): data pushed with the shortest push-data prefix for its length, never as a
/// small-number opcode, so one byte of 0x01 stays "01 01" as in the original.
/// </summary>
public static class ScriptPush
{
    private const byte OpPushData1 = 0x4c;
    private const byte OpPushData2 = 0x4d;
    private const byte OpPushData4 = 0x4e;

    public static byte[] Encode(ReadOnlySpan<byte> data)
    {
        byte[] prefix = data.Length switch
        {
            0 => [0x00],
            < OpPushData1 => [(byte)data.Length],
            <= 0xff => [OpPushData1, (byte)data.Length],
            <= 0xffff => [OpPushData2, (byte)data.Length, (byte)(data.Length >> 8)],
            _ => LongPrefix(data.Length),
        };
        if (data.Length == 0)
        {
            return prefix;
        }

        var result = new byte[prefix.Length + data.Length];
        prefix.CopyTo(result, 0);
        data.CopyTo(result.AsSpan(prefix.Length));
        return result;
    }

    /// <summary>PushAll (sign.cpp): one push per stack element; empty is OP_0 and a single byte 1..16 is OP_1..OP_16.</summary>
    public static byte[] EncodeAll(IEnumerable<byte[]> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        return elements
            .SelectMany(element => element is [>= 1 and <= 16] ? [(byte)(0x50 + element[0])] : Encode(element))
            .ToArray();
    }

    /// <summary>OP_RETURN followed by one push of the data: createrawtransaction's "data" output.</summary>
    public static byte[] NullData(ReadOnlySpan<byte> data)
    {
        var push = Encode(data);
        var script = new byte[push.Length + 1];
        script[0] = 0x6a;
        push.CopyTo(script, 1);
        return script;
    }

    private static byte[] LongPrefix(int length)
    {
        var prefix = new byte[5];
        prefix[0] = OpPushData4;
        BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(1), length);
        return prefix;
    }
}
