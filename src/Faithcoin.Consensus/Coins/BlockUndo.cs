namespace Faithcoin.Consensus.Coins;

/// <summary>What disconnecting a block needs: one <see cref="TxUndo"/> per transaction after the coinbase.</summary>
public sealed class BlockUndo
{
    public BlockUndo(IReadOnlyList<TxUndo> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        Transactions = transactions;
    }

    public IReadOnlyList<TxUndo> Transactions { get; }

    public byte[] ToBytes() => BlockUndoSerializer.Serialize(this);

    public static BlockUndo FromBytes(ReadOnlySpan<byte> bytes) => BlockUndoSerializer.Deserialize(bytes);
}
