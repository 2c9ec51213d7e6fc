using System.Buffers.Binary;
using Faithcoin.Consensus.Scripting;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// What AreInputsStandard and IsWitnessStandard get from EvalScript(scriptSig, SCRIPT_VERIFY_NONE): the stack a
/// push-only scriptSig leaves. Standardness has already required push-only scriptSigs, so any other opcode, an
/// OP_RESERVED, a truncated push, a push over 520 bytes or more than 1,000 stack elements simply fails, as the
/// evaluation would.
/// </summary>
public static class ScriptSigStack
{
    /// <summary>MAX_SCRIPT_ELEMENT_SIZE.</summary>
    public const int MaxElementSize = 520;

    /// <summary>MAX_STACK_SIZE.</summary>
    public const int MaxStackSize = 1_000;

    private const int MaxScriptSize = 10_000;
    private const byte OpPushData4 = 0x4e;
    private const byte Op1Negate = 0x4f;
    private const byte OpReserved = 0x50;
    private const byte Op1 = 0x51;
    private const byte Op16 = 0x60;

    /// <summary>The last element the scriptSig pushes (a P2SH redeem script), or null when evaluation fails or leaves nothing.</summary>
    public static byte[]? TryGetLastPush(ReadOnlySpan<byte> scriptSig)
    {
        if (scriptSig.Length > MaxScriptSize || !ScriptPatterns.IsPushOnly(scriptSig))
        {
            return null;
        }

        byte[]? last = null;
        var position = 0;
        for (var depth = 1; position < scriptSig.Length; depth++)
        {
            var opcode = scriptSig[position];
            var length = PushLength(scriptSig, position, out var headerLength);
            if (opcode == OpReserved || length > MaxElementSize || depth > MaxStackSize)
            {
                return null;
            }

            last = opcode switch
            {
                <= OpPushData4 => scriptSig.Slice(position + headerLength, length).ToArray(),
                Op1Negate => [0x81],
                >= Op1 and <= Op16 => [(byte)(opcode - Op1 + 1)],
                _ => null,
            };
            position += headerLength + length;
        }

        return last;
    }

    // IsPushOnly has checked that every push is complete, so the lengths read here are in range.
    private static int PushLength(ReadOnlySpan<byte> script, int position, out int headerLength)
    {
        var opcode = script[position];
        switch (opcode)
        {
            case < 0x4c:
                headerLength = 1;
                return opcode;
            case 0x4c:
                headerLength = 2;
                return script[position + 1];
            case 0x4d:
                headerLength = 3;
                return script[position + 1] | (script[position + 2] << 8);
            case OpPushData4:
                headerLength = 5;
                return (int)BinaryPrimitives.ReadUInt32LittleEndian(script[(position + 1)..]);
            default:
                headerLength = 1;
                return 0;
        }
    }
}
