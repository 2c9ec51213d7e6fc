using System.Buffers.Binary;

namespace Faithcoin.P2P.Protocol.Bloom;

/// <summary>
/// The parts of script parsing a bloom filter needs (script.h GetScriptOp, and Solver's pay-to-pubkey and bare
/// multisig templates): a script that stops parsing mid-way yields the elements before the fault and no more.
/// </summary>
public static class ScriptOps
{
    private const byte OpPushData1 = 0x4c;
    private const byte OpPushData2 = 0x4d;
    private const byte OpPushData4 = 0x4e;
    private const byte Op0 = 0x00;
    private const byte Op1 = 0x51;
    private const byte Op16 = 0x60;
    private const byte OpCheckSig = 0xac;
    private const byte OpCheckMultiSig = 0xae;

    /// <summary>GetScriptOp: the opcode at <paramref name="position"/> and its pushed data (empty for non-pushes).</summary>
    public static bool TryReadOp(ReadOnlySpan<byte> script, ref int position, out byte opcode, out ReadOnlySpan<byte> data)
    {
        data = default;
        opcode = 0xff;
        if (position >= script.Length)
        {
            return false;
        }

        opcode = script[position++];
        if (opcode > OpPushData4)
        {
            return true;
        }

        long size;
        if (opcode < OpPushData1)
        {
            size = opcode;
        }
        else
        {
            var width = opcode switch { OpPushData1 => 1, OpPushData2 => 2, _ => 4 };
            if (script.Length - position < width)
            {
                return false;
            }

            var field = script.Slice(position, width);
            size = width switch
            {
                1 => field[0],
                2 => BinaryPrimitives.ReadUInt16LittleEndian(field),
                _ => BinaryPrimitives.ReadUInt32LittleEndian(field),
            };
            position += width;
        }

        if (script.Length - position < size)
        {
            return false;
        }

        data = script.Slice(position, (int)size);
        position += (int)size;
        return true;
    }

    /// <summary>
    /// Solver's TX_PUBKEY (a 33-65 byte push, OP_CHECKSIG) or TX_MULTISIG (m, n pushes of 33-65 bytes, n,
    /// OP_CHECKMULTISIG with 1 &lt;= m &lt;= n): the outputs BLOOM_UPDATE_P2PUBKEY_ONLY adds outpoints for.
    /// </summary>
    public static bool IsPayToPubKeyOrMultisig(ReadOnlySpan<byte> script)
    {
        var ops = new List<(byte Opcode, int Length)>();
        var position = 0;
        while (position < script.Length)
        {
            if (!TryReadOp(script, ref position, out var opcode, out var data))
            {
                return false;
            }

            ops.Add((opcode, data.Length));
        }

        if (ops is [{ Length: >= 33 and <= 65 }, { Opcode: OpCheckSig }])
        {
            return true;
        }

        if (ops.Count < 3 || ops[^1].Opcode != OpCheckMultiSig || SmallInteger(ops[0].Opcode) is not { } required
            || SmallInteger(ops[^2].Opcode) is not { } keys)
        {
            return false;
        }

        var pushes = ops.Skip(1).Take(ops.Count - 3).ToList();
        return pushes.All(p => p.Length is >= 33 and <= 65) && required >= 1 && keys >= 1 && required <= keys && pushes.Count == keys;
    }

    private static int? SmallInteger(byte opcode) => opcode switch
    {
        Op0 => 0,
        >= Op1 and <= Op16 => opcode - Op1 + 1,
        _ => null,
    };
}
