using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>Serialized sizes and weight of a block, with and without witness data.</summary>
public static class BlockSizes
{
    private const int HeaderSize = 80;

    public static long StrippedSize(Block block) => Size(block, TransactionOptions.None);

    public static long TotalSize(Block block) => Size(block, TransactionOptions.Witness);

    /// <summary>BIP141 weight: stripped size x 3 + total size.</summary>
    public static long Weight(Block block) =>
        StrippedSize(block) * (ConsensusConstants.WitnessScaleFactor - 1) + TotalSize(block);

    private static long Size(Block block, TransactionOptions options)
    {
        ArgumentNullException.ThrowIfNull(block);
        long size = HeaderSize + CompactSizeLength(block.Transactions.Count);
        foreach (var tx in block.Transactions)
        {
            size += tx.GetSerializedSize(options);
        }

        return size;
    }

    private static int CompactSizeLength(long value) => value switch
    {
        < 0xfd => 1,
        <= 0xffff => 3,
        <= 0xffffffff => 5,
        _ => 9,
    };
}
