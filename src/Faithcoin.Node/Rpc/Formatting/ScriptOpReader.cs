using System.Buffers.Binary;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// Core's CScript::GetOp over raw bytes: an opcode and, for pushes, its data. A truncated push or the end of
/// the script fails the read and leaves OP_INVALIDOPCODE with no data, which the template matcher relies on.
/// </summary>
internal ref struct ScriptOpReader
{
    public const byte InvalidOpcode = 0xff;
    private const byte OpPushData1 = 0x4c;
    private const byte OpPushData2 = 0x4d;
    private const byte OpPushData4 = 0x4e;

    private readonly ReadOnlySpan<byte> script;
    private int position;

    public ScriptOpReader(ReadOnlySpan<byte> script)
    {
        this.script = script;
        position = 0;
    }

    public readonly bool AtEnd => position >= script.Length;

    public bool TryRead(out byte opcode, out ReadOnlySpan<byte> data)
    {
        opcode = InvalidOpcode;
        data = default;
        if (position >= script.Length)
        {
            return false;
        }

        var code = script[position++];
        if (code > OpPushData4)
        {
            opcode = code;
            return true;
        }

        long size;
        var remaining = script.Length - position;
        switch (code)
        {
            case < OpPushData1:
                size = code;
                break;
            case OpPushData1 when remaining >= 1:
                size = script[position];
                position += 1;
                break;
            case OpPushData2 when remaining >= 2:
                size = BinaryPrimitives.ReadUInt16LittleEndian(script[position..]);
                position += 2;
                break;
            case OpPushData4 when remaining >= 4:
                size = BinaryPrimitives.ReadUInt32LittleEndian(script[position..]);
                position += 4;
                break;
            default:
                return false;
        }

        if (script.Length - position < size)
        {
            return false;
        }

        opcode = code;
        data = script.Slice(position, (int)size);
        position += (int)size;
        return true;
    }
}
