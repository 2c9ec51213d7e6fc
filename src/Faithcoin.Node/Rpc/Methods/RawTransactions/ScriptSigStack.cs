using Faithcoin.Node.Rpc.Formatting;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// Stacks(SignatureData): the stack a scriptSig leaves, which for the push-only scriptSigs signing deals with is its
/// pushes in order (OP_0 empty, OP_1NEGATE and OP_1..OP_16 as their numbers). Evaluation stops at any other opcode.
/// </summary>
public static class ScriptSigStack
{
    private const byte OpPushData4 = 0x4e;
    private const byte Op1Negate = 0x4f;
    private const byte Op1 = 0x51;
    private const byte Op16 = 0x60;

    public static List<byte[]> Read(ReadOnlySpan<byte> scriptSig)
    {
        var stack = new List<byte[]>();
        var reader = new ScriptOpReader(scriptSig);
        while (!reader.AtEnd && reader.TryRead(out var opcode, out var data))
        {
            if (opcode <= OpPushData4)
            {
                stack.Add(data.ToArray());
            }
            else if (opcode == Op1Negate)
            {
                stack.Add([0x81]);
            }
            else if (opcode is >= Op1 and <= Op16)
            {
                stack.Add([(byte)(opcode - Op1 + 1)]);
            }
            else
            {
                break;
            }
        }

        return stack;
    }
}
