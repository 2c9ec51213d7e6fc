using Faithcoin.Consensus.Scripting;
using NBitcoin;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Tests.Statistics;

/// <summary>
/// A plain UTXO set built by replaying blocks without validation, as Core's coins view would hold it: spent
/// outputs removed, unspendable ones (OP_RETURN, oversized) never added, the genesis coinbase never added.
/// </summary>
internal sealed class UtxoReplay
{
    private readonly Dictionary<OutPoint, Coin> coins = [];

    public uint256 BestBlock { get; private set; } = uint256.Zero;

    public int Height { get; private set; } = -1;

    public int Count => coins.Count;

    public Coin Get(OutPoint outpoint) => coins[outpoint];

    /// <summary>What a transaction pays in fees, from the coins it spends (call before applying its block).</summary>
    public long FeeOf(Transaction tx, IReadOnlyDictionary<OutPoint, TxOut>? sameBlock = null)
    {
        long spent = 0;
        foreach (var input in tx.Inputs)
        {
            spent += coins.TryGetValue(input.PrevOut, out var coin)
                ? coin.Value
                : sameBlock![input.PrevOut].Value.Satoshi;
        }

        return spent - tx.TotalOut.Satoshi;
    }

    public void Apply(Block block, int height)
    {
        if (height > 0)
        {
            foreach (var tx in block.Transactions)
            {
                if (!tx.IsCoinBase)
                {
                    foreach (var input in tx.Inputs)
                    {
                        if (!coins.Remove(input.PrevOut))
                        {
                            throw new InvalidOperationException($"Block {height} spends missing {input.PrevOut}.");
                        }
                    }
                }

                var txid = tx.GetHash();
                for (var n = 0; n < tx.Outputs.Count; n++)
                {
                    if (!ScriptPatterns.IsUnspendable(tx.Outputs[n].ScriptPubKey.ToBytes(true)))
                    {
                        coins[new OutPoint(txid, n)] = new Coin(tx.Outputs[n], height, tx.IsCoinBase);
                    }
                }
            }
        }

        BestBlock = block.GetHash();
        Height = height;
    }

    /// <summary>The coins as the database cursor yields them: by txid bytes as stored, then by output index.</summary>
    public IEnumerable<(OutPoint Outpoint, Coin Coin)> InKeyOrder() =>
        coins
            .Select(pair => (Txid: pair.Key.Hash.ToBytes(true), Outpoint: pair.Key, Coin: pair.Value))
            .OrderBy(entry => entry.Txid, ByteOrder.Instance)
            .ThenBy(entry => entry.Outpoint.N)
            .Select(entry => (entry.Outpoint, entry.Coin));

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static ByteOrder Instance { get; } = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
