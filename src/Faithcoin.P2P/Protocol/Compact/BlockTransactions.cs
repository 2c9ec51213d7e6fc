using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>blocktxn: the transactions a getblocktxn asked for, in the order asked.</summary>
public sealed class BlockTransactions : IBitcoinSerializable
{
    public uint256 BlockHash { get; set; } = uint256.Zero;

    public List<Transaction> Transactions { get; } = [];

    public void ReadWrite(BitcoinStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var hash = BlockHash;
        stream.ReadWrite(ref hash);
        BlockHash = hash;
        if (stream.Serializing)
        {
            CompactSizeField.Write(stream, (ulong)Transactions.Count);
            foreach (var tx in Transactions)
            {
                tx.ReadWrite(stream);
            }

            return;
        }

        var count = CompactSizeField.Read(stream);
        for (ulong i = 0; i < count; i++)
        {
            var tx = stream.ConsensusFactory.CreateTransaction();
            tx.ReadWrite(stream);
            Transactions.Add(tx);
        }
    }
}
