using NBitcoin;

namespace Faithcoin.P2P.Protocol.Bloom;

/// <summary>
/// CMerkleBlock: a block's header and the partial merkle tree of the transactions a filter matches (the filter is
/// updated along the way, as for relay), plus which transactions those were, in block order, to send after it.
/// </summary>
public sealed class FilteredBlock
{
    private FilteredBlock(BlockHeader header, PartialMerkleTree tree, IReadOnlyList<Transaction> matched)
    {
        Header = header;
        Tree = tree;
        Matched = matched;
    }

    public BlockHeader Header { get; }

    public PartialMerkleTree Tree { get; }

    /// <summary>vMatchedTxn: the matching transactions, in block order.</summary>
    public IReadOnlyList<Transaction> Matched { get; }

    public static FilteredBlock Create(Block block, BloomFilter filter)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(filter);
        var transactions = block.Transactions;
        var matches = new bool[transactions.Count];
        var matched = new List<Transaction>();
        for (var i = 0; i < transactions.Count; i++)
        {
            if (filter.IsRelevantAndUpdate(transactions[i]))
            {
                matches[i] = true;
                matched.Add(transactions[i]);
            }
        }

        var txids = transactions.Select(t => t.GetHash()).ToArray();
        return new FilteredBlock(block.Header, new PartialMerkleTree(txids, matches), matched);
    }

    /// <summary>The merkleblock payload: the 80-byte header, then nTransactions, vHash and the flag bits.</summary>
    public byte[] ToBytes()
    {
        var header = Header.ToBytes();
        var tree = Tree.ToBytes();
        return [.. header, .. tree];
    }
}
