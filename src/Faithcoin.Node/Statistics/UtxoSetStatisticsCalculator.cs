using System.Security.Cryptography;
using NBitcoin;
using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Statistics;

/// <summary>
/// Core 0.15's GetUTXOStats and ApplyStats over the coins in database key order. The hash starts with the best
/// block hash; each transaction then adds its txid, VARINT(height * 2 + coinbase) and, per output by index,
/// VARINT(index + 1), the scriptPubKey with its CompactSize length and VARINT(value), closed by VARINT(0).
/// Coins stream through, one transaction's outputs at a time.
/// </summary>
public static class UtxoSetStatisticsCalculator
{
    /// <summary>32 txid + 4 index + 4 height and coinbase + 8 amount + 2 script length, per output.</summary>
    private const int BogoBytesPerOutput = 50;

    /// <param name="coinsInKeyOrder">
    /// Coins sorted by txid as stored (the 32 little-endian bytes, compared lexicographically), as the
    /// database cursor yields them; any order of outputs within a transaction.
    /// </param>
    public static UtxoSetStatistics Compute(
        uint256 bestBlock,
        int height,
        IEnumerable<(OutPoint Outpoint, Coin Coin)> coinsInKeyOrder,
        long diskSize)
    {
        ArgumentNullException.ThrowIfNull(bestBlock);
        ArgumentNullException.ThrowIfNull(coinsInKeyOrder);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> txid = stackalloc byte[32];
        bestBlock.ToBytes(txid, true);
        hash.AppendData(txid);

        var totals = new Totals();
        var outputs = new SortedList<uint, Coin>();
        var current = new byte[32];
        var hasCurrent = false;
        foreach (var (outpoint, coin) in coinsInKeyOrder)
        {
            outpoint.Hash.ToBytes(txid, true);
            if (!hasCurrent || !txid.SequenceEqual(current))
            {
                if (hasCurrent)
                {
                    if (txid.SequenceCompareTo(current) < 0)
                    {
                        throw new ArgumentException("Coins must come sorted by txid bytes, as the database stores them.", nameof(coinsInKeyOrder));
                    }

                    ApplyTransaction(hash, current, outputs, totals);
                }

                txid.CopyTo(current);
                hasCurrent = true;
                outputs.Clear();
            }

            if (outputs.ContainsKey(outpoint.N))
            {
                throw new ArgumentException($"Outpoint {outpoint} appears twice.", nameof(coinsInKeyOrder));
            }

            outputs.Add(outpoint.N, coin);
        }

        if (hasCurrent)
        {
            ApplyTransaction(hash, current, outputs, totals);
        }

        var once = hash.GetHashAndReset();
        var twice = SHA256.HashData(once);
        return new UtxoSetStatistics(
            height, bestBlock, totals.Transactions, totals.Outputs, totals.BogoSize, new uint256(twice), diskSize, totals.Amount);
    }

    private static void ApplyTransaction(IncrementalHash hash, byte[] txid, SortedList<uint, Coin> outputs, Totals totals)
    {
        Span<byte> varint = stackalloc byte[CoreVarInt.MaxLength];
        hash.AppendData(txid);
        var first = outputs.Values[0];
        hash.AppendData(varint[..CoreVarInt.Write(((ulong)first.Height * 2) + (first.IsCoinbase ? 1UL : 0UL), varint)]);
        totals.Transactions++;
        foreach (var (index, coin) in outputs)
        {
            var script = coin.Output.ScriptPubKey.ToBytes(true);
            hash.AppendData(varint[..CoreVarInt.Write((ulong)index + 1, varint)]);
            hash.AppendData(varint[..WriteCompactSize((ulong)script.Length, varint)]);
            hash.AppendData(script);
            hash.AppendData(varint[..CoreVarInt.Write((ulong)coin.Value, varint)]);
            totals.Outputs++;
            totals.Amount += coin.Value;
            totals.BogoSize += BogoBytesPerOutput + script.Length;
        }

        hash.AppendData(varint[..CoreVarInt.Write(0, varint)]);
    }

    private static int WriteCompactSize(ulong value, Span<byte> destination)
    {
        switch (value)
        {
            case < 0xfd:
                destination[0] = (byte)value;
                return 1;
            case <= 0xffff:
                destination[0] = 0xfd;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(destination[1..], (ushort)value);
                return 3;
            case <= 0xffffffff:
                destination[0] = 0xfe;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(destination[1..], (uint)value);
                return 5;
            default:
                destination[0] = 0xff;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(destination[1..], value);
                return 9;
        }
    }

    private sealed class Totals
    {
        public long Transactions { get; set; }

        public long Outputs { get; set; }

        public long BogoSize { get; set; }

        public long Amount { get; set; }
    }
}
