using System.Globalization;
using System.Text;
using Faithcoin.Consensus.Scripting;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// Core 0.15's ScriptToAsmStr: opcodes by name, pushes of up to four bytes as script numbers, longer pushes in
/// hex; with sighash decoding (scriptSigs) a push that is a strictly encoded signature shows its hash type as
/// "[ALL]" instead of the last byte. A malformed script ends in "[error]".
/// </summary>
public static class ScriptAsm
{
    private const byte OpPushData4 = 0x4e;

    public static string ToAsm(ReadOnlySpan<byte> script, bool attemptSighashDecode = false)
    {
        var text = new StringBuilder();
        var reader = new ScriptOpReader(script);

        // OP_RETURN data may happen to look like a signature; only spendable scripts are decoded.
        var decodeSighash = attemptSighashDecode && !ScriptPatterns.IsUnspendable(script);
        while (!reader.AtEnd)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            if (!reader.TryRead(out var opcode, out var data))
            {
                text.Append("[error]");
                break;
            }

            if (opcode > OpPushData4)
            {
                text.Append(ScriptOpNames.Of(opcode));
            }
            else if (data.Length <= 4)
            {
                text.Append(SmallNumber(data).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                AppendPush(text, data, decodeSighash);
            }
        }

        return text.ToString();
    }

    /// <summary>CScriptNum of at most four bytes: little-endian magnitude, sign in the top bit of the last byte.</summary>
    public static long SmallNumber(ReadOnlySpan<byte> data)
    {
        if (data.Length > 4)
        {
            throw new ArgumentException("A script number here has at most four bytes.", nameof(data));
        }

        long value = 0;
        for (var i = 0; i < data.Length; i++)
        {
            value |= (long)data[i] << (8 * i);
        }

        if (data.Length > 0 && (data[^1] & 0x80) != 0)
        {
            return -(value & ~(0x80L << (8 * (data.Length - 1))));
        }

        return value;
    }

    private static void AppendPush(StringBuilder text, ReadOnlySpan<byte> data, bool decodeSighash)
    {
        if (decodeSighash && SignatureEncoding.IsStrictlyEncoded(data) &&
            SignatureEncoding.HashTypeName(data[^1]) is { } hashType)
        {
            text.Append(Convert.ToHexStringLower(data[..^1])).Append('[').Append(hashType).Append(']');
            return;
        }

        text.Append(Convert.ToHexStringLower(data));
    }
}
