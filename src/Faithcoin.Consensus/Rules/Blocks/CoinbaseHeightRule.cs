using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>bad-cb-height (BIP34): once active, the coinbase scriptSig starts with the push of the block height.</summary>
public sealed class CoinbaseHeightRule : IContextualBlockRule
{
    public ValidationError? Check(Block block, BlockRuleContext context)
    {
        if (!context.Bip34Active || block.Transactions.Count == 0 || block.Transactions[0].Inputs.Count == 0)
        {
            return null;
        }

        var expected = ExpectedPrefix(context.Height);
        var scriptSig = block.Transactions[0].Inputs[0].ScriptSig.ToBytes(true);
        return scriptSig.AsSpan().StartsWith(expected)
            ? null
            : new ValidationError("bad-cb-height", 100, Debug: "block height mismatch in coinbase");
    }

    /// <summary>The bytes of Core's CScript() &lt;&lt; height: OP_0, OP_1..OP_16, or a minimal CScriptNum push.</summary>
    public static byte[] ExpectedPrefix(int height)
    {
        if (height == 0)
        {
            return [0x00];
        }

        if (height is >= 1 and <= 16)
        {
            return [(byte)(0x50 + height)];
        }

        var number = new List<byte>();
        for (var value = height; value > 0; value >>= 8)
        {
            number.Add((byte)(value & 0xff));
        }

        // A set top bit would read as a sign, so positive numbers get an extra zero byte.
        if ((number[^1] & 0x80) != 0)
        {
            number.Add(0x00);
        }

        number.Insert(0, (byte)number.Count);
        return [.. number];
    }
}
