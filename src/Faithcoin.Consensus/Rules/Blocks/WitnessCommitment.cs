using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>Locating BIP141's commitment: the last coinbase output starting OP_RETURN 0x24 aa21a9ed.</summary>
public static class WitnessCommitment
{
    private static readonly byte[] Header = [0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed];

    /// <summary>Core's GetWitnessCommitmentIndex; -1 when the coinbase has no commitment.</summary>
    public static int FindIndex(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Transactions.Count == 0)
        {
            return -1;
        }

        var outputs = block.Transactions[0].Outputs;
        var index = -1;
        for (var i = 0; i < outputs.Count; i++)
        {
            var script = outputs[i].ScriptPubKey.ToBytes(true);
            if (script.Length >= 38 && script.AsSpan(0, Header.Length).SequenceEqual(Header))
            {
                index = i;
            }
        }

        return index;
    }
}
