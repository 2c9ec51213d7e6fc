using Faithcoin.Consensus.Rules.Blocks;
using NBitcoin;

namespace Faithcoin.Node.Mining;

/// <summary>
/// The coinbase scriptSigs 0.15 writes: CreateNewBlock's <c>height OP_0</c>, and IncrementExtraNonce's
/// <c>height CScriptNum(extraNonce)</c>. The height comes first as BIP34 requires, on every network.
/// </summary>
public static class CoinbaseScripts
{
    /// <summary>0.15's limit on a coinbase scriptSig (bad-cb-length above it).</summary>
    public const int MaxLength = 100;

    private const byte Op0 = 0x00;

    public static Script ForTemplate(int height) => Script.FromBytesUnsafe([.. CoinbaseHeightRule.ExpectedPrefix(height), Op0]);

    public static Script WithExtraNonce(int height, uint extraNonce)
    {
        var number = ScriptNumberBytes(extraNonce);
        byte[] script = [.. CoinbaseHeightRule.ExpectedPrefix(height), (byte)number.Length, .. number];
        if (script.Length > MaxLength)
        {
            throw new InvalidOperationException("The coinbase scriptSig would exceed 100 bytes.");
        }

        return Script.FromBytesUnsafe(script);
    }

    /// <summary>CScriptNum serialization: minimal little-endian bytes, an extra 0x00 when the top bit is set, none for 0.</summary>
    public static byte[] ScriptNumberBytes(long value)
    {
        if (value == 0)
        {
            return [];
        }

        var negative = value < 0;
        var magnitude = negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        var bytes = new List<byte>(9);
        for (; magnitude > 0; magnitude >>= 8)
        {
            bytes.Add((byte)(magnitude & 0xff));
        }

        if ((bytes[^1] & 0x80) != 0)
        {
            bytes.Add(negative ? (byte)0x80 : (byte)0x00);
        }
        else if (negative)
        {
            bytes[^1] |= 0x80;
        }

        return [.. bytes];
    }
}
