using NBitcoin;

namespace Faithcoin.Consensus.Coins;

/// <summary>An unspent output with the facts consensus needs about where it was created.</summary>
public sealed class Coin
{
    public Coin(TxOut output, int height, bool isCoinbase)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        Output = output;
        Height = height;
        IsCoinbase = isCoinbase;
    }

    public TxOut Output { get; }

    /// <summary>Height of the block that created the output (maturity and BIP68 count from it).</summary>
    public int Height { get; }

    public bool IsCoinbase { get; }

    public long Value => Output.Value.Satoshi;

    /// <summary>True when the output, height and coinbase flag all agree: what a clean disconnect expects to find.</summary>
    public bool SameAs(Coin other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Height == other.Height && IsCoinbase == other.IsCoinbase && SameOutput(other.Output);
    }

    public bool SameOutput(TxOut output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Output.Value == output.Value &&
               Output.ScriptPubKey.ToBytes(true).AsSpan().SequenceEqual(output.ScriptPubKey.ToBytes(true));
    }

    public override string ToString() => $"{Output.Value} at {Height}{(IsCoinbase ? " (coinbase)" : string.Empty)}";
}
