using System.Buffers;
using NBitcoin;
using RocksDbSharp;

using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Storage;

/// <summary>
/// Value layout of a coin (Core's Coin serialization): VARINT(height * 2 + coinbase), VARINT of the compressed
/// amount, then the compressed script. Implements the binding's span deserializer so a coin is decoded straight
/// from RocksDB's pinned memory without an intermediate array.
/// </summary>
public sealed class CoinSerializer : ISpanDeserializer<Coin>
{
    public static void Write(IBufferWriter<byte> writer, Coin coin)
    {
        ArgumentNullException.ThrowIfNull(coin);
        StorageEncoding.WriteVarInt(writer, ((ulong)coin.Height << 1) | (coin.IsCoinbase ? 1UL : 0UL));
        var amount = coin.Output.Value.Satoshi;
        if (amount < 0)
        {
            throw new ArgumentException("A coin's amount cannot be negative.", nameof(coin));
        }

        StorageEncoding.WriteVarInt(writer, AmountCompression.Compress((ulong)amount));
        ScriptCompression.Write(writer, coin.Output.ScriptPubKey);
    }

    public static Coin Read(ReadOnlySpan<byte> value)
    {
        var reader = new StorageReader(value);
        var code = reader.ReadVarInt();
        if (code >> 1 > int.MaxValue)
        {
            throw new FormatException("Coin height out of range.");
        }

        ulong amount;
        try
        {
            amount = AmountCompression.Decompress(reader.ReadVarInt());
        }
        catch (OverflowException e)
        {
            throw new FormatException("Coin amount out of range.", e);
        }

        if (amount > long.MaxValue)
        {
            throw new FormatException("Coin amount out of range.");
        }

        var script = ScriptCompression.Read(ref reader);
        reader.EnsureEnd();
        return new Coin(new TxOut(Money.Satoshis((long)amount), script), (int)(code >> 1), (code & 1) == 1);
    }

    public Coin Deserialize(ReadOnlySpan<byte> buffer) => Read(buffer);
}
