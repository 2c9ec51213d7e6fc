using NBitcoin;

namespace Faithcoin.Node.Storage;

/// <summary>An unspent output as the coins column family keeps it: the output, the height that created it, and whether a coinbase did.</summary>
public sealed class StoredCoin
{
    public StoredCoin(TxOut output, int height, bool isCoinbase)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        Output = output;
        Height = height;
        IsCoinbase = isCoinbase;
    }

    public TxOut Output { get; }

    public int Height { get; }

    public bool IsCoinbase { get; }

    public override string ToString() => $"{Output.Value} at {Height}{(IsCoinbase ? " (coinbase)" : string.Empty)}";
}
