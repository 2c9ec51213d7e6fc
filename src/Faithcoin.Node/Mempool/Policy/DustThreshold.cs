using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Scripting;
using NBitcoin;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// 0.15's GetDustThreshold: an output is dust when it is worth less than the dust rate charges for the output
/// plus the smallest input that could spend it (148 bytes, or 67 virtual bytes for a witness program, whose
/// 107-byte signature and key are discounted by the witness scale factor). Unspendable outputs are never dust.
/// </summary>
public static class DustThreshold
{
    private const int OutPointAndSequenceAndScriptLength = 32 + 4 + 1 + 4;
    private const int TypicalSpendingScriptSize = 107;

    public static long Of(TxOut output, PolicyFeeRate dustRelayFee)
    {
        ArgumentNullException.ThrowIfNull(output);
        var script = output.ScriptPubKey.ToBytes(true);
        if (ScriptPatterns.IsUnspendable(script))
        {
            return 0;
        }

        long size = 8 + CompactSizeLength(script.Length) + script.Length;
        size += OutPointAndSequenceAndScriptLength + (ScriptPatterns.IsWitnessProgram(script, out _, out _)
            ? TypicalSpendingScriptSize / ConsensusConstants.WitnessScaleFactor
            : TypicalSpendingScriptSize);
        return dustRelayFee.GetFee(size);
    }

    public static bool IsDust(TxOut output, PolicyFeeRate dustRelayFee)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.Value.Satoshi < Of(output, dustRelayFee);
    }

    private static int CompactSizeLength(long value) => value switch
    {
        < 0xfd => 1,
        <= 0xffff => 3,
        <= 0xffffffff => 5,
        _ => 9,
    };
}
