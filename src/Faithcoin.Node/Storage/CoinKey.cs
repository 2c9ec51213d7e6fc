using NBitcoin;

namespace Faithcoin.Node.Storage;

/// <summary>
/// Key of a coin: the 32 txid bytes in internal order, then VARINT(output index), Core's key without its 'C'
/// prefix. Iteration therefore walks the set by txid with each transaction's outputs adjacent, which is what
/// hash_serialized_2 needs (it orders the outputs of one transaction by index itself, as Core does).
/// </summary>
public static class CoinKey
{
    public const int MaxLength = 32 + StorageEncoding.MaxVarIntLength;

    /// <summary>Writes the key into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes); returns its length.</summary>
    public static int Write(OutPoint outPoint, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(outPoint);
        outPoint.Hash.ToBytes(destination[..32], true);
        return 32 + StorageEncoding.WriteVarInt(destination[32..], outPoint.N);
    }

    public static OutPoint Read(ReadOnlySpan<byte> key)
    {
        if (key.Length < 33)
        {
            throw new FormatException("Coin key too short.");
        }

        var reader = new StorageReader(key[32..]);
        var index = reader.ReadVarInt();
        reader.EnsureEnd();
        if (index > uint.MaxValue)
        {
            throw new FormatException("Coin output index out of range.");
        }

        return new OutPoint(new uint256(key[..32]), (uint)index);
    }
}
