using System.Buffers.Binary;

namespace Faithcoin.Consensus.Scripting;

/// <summary>
/// Walks raw script bytes the way Core's GetScriptOp does: a truncated push ends the walk. Sigop counting must
/// follow these exact parsing rules, so it works on bytes rather than on NBitcoin's decompiled ops.
/// </summary>
internal ref struct ScriptReader
{
    public const byte OpPushData1 = 0x4c;
    public const byte OpPushData2 = 0x4d;
    public const byte OpPushData4 = 0x4e;
    public const byte Op0 = 0x00;
    public const byte Op1 = 0x51;
    public const byte Op16 = 0x60;

    private readonly ReadOnlySpan<byte> script;
    private int position;

    public ScriptReader(ReadOnlySpan<byte> script)
    {
        this.script = script;
        position = 0;
    }

    public readonly bool AtEnd => position >= script.Length;

    /// <summary>Reads the next opcode and its push data; false when the script is malformed from here on.</summary>
    public bool TryRead(out byte opcode, out ReadOnlySpan<byte> data)
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
        else if (opcode == OpPushData1)
        {
            if (script.Length - position < 1)
            {
                return false;
            }

            size = script[position];
            position += 1;
        }
        else if (opcode == OpPushData2)
        {
            if (script.Length - position < 2)
            {
                return false;
            }

            size = BinaryPrimitives.ReadUInt16LittleEndian(script[position..]);
            position += 2;
        }
        else
        {
            if (script.Length - position < 4)
            {
                return false;
            }

            size = BinaryPrimitives.ReadUInt32LittleEndian(script[position..]);
            position += 4;
        }

        if (script.Length - position < size)
        {
            return false;
        }

        data = script.Slice(position, (int)size);
        position += (int)size;
        return true;
    }
}
