using NBitcoin;

namespace Faithcoin.Node.Indexes;

/// <summary>Offsets of a block's transactions in its stored (witness) serialization, and reading one back.</summary>
public static class BlockTransactionOffsets
{
    private const int HeaderSize = 80;

    public static IEnumerable<(Transaction Transaction, int Offset)> Of(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var count = block.Transactions.Count;
        var offset = HeaderSize + (count < 0xfd ? 1 : count <= 0xffff ? 3 : 5);
        foreach (var tx in block.Transactions)
        {
            yield return (tx, offset);
            offset += tx.ToBytes().Length;
        }
    }

    /// <summary>The transaction serialized at <paramref name="offset"/>, or null when the bytes there do not parse.</summary>
    public static Transaction? ReadTransaction(byte[] block, int offset, ConsensusFactory factory)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(factory);
        try
        {
            using var bytes = new MemoryStream(block, offset, block.Length - offset, writable: false);
            var stream = new BitcoinStream(bytes, false) { ConsensusFactory = factory };
            var tx = factory.CreateTransaction();
            tx.ReadWrite(stream);
            return tx;
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
