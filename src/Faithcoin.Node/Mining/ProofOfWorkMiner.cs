using System.Buffers.Binary;
using System.Numerics;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Pow;
using NBitcoin;

namespace Faithcoin.Node.Mining;

/// <summary>
/// The nonce grinding of 0.15's generateBlocks: set the extra nonce, try nonces from 0 upwards until the scrypt
/// hash meets the target, and when the nonce range is used up move to the next extra nonce (a new merkle root,
/// hence a fresh range). Headers are hashed in batches on the SIMD scrypt kernels, but results are taken in
/// nonce order, so the nonce found is the lowest one, as the original finds.
/// </summary>
public sealed class ProofOfWorkMiner
{
    /// <summary>generateBlocks' nInnerLoopCount: nonces tried per extra nonce.</summary>
    public const uint DefaultNoncesPerExtraNonce = 0x10000;

    /// <summary>The most headers hashed per call; enough to fill the widest SIMD kernel twice.</summary>
    private const int MaxBatchSize = 16;
    private const int NonceOffset = 76;

    private readonly ConsensusParams consensus;
    private readonly uint noncesPerExtraNonce;

    public ProofOfWorkMiner(ChainParams chainParams, uint noncesPerExtraNonce = DefaultNoncesPerExtraNonce)
    {
        ArgumentNullException.ThrowIfNull(chainParams);
        ArgumentOutOfRangeException.ThrowIfZero(noncesPerExtraNonce);
        consensus = chainParams.Consensus;
        this.noncesPerExtraNonce = noncesPerExtraNonce;
    }

    /// <summary>
    /// Mines <paramref name="block"/> in place (coinbase extra nonce, merkle root, nonce). False when the budget
    /// ran out first; the block is then left half-ground.
    /// </summary>
    public bool TryMine(Block block, int height, MiningBudget budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(budget);
        var bits = block.Header.Bits.ToCompact();
        var target = TargetBytes(bits);

        // No bigger batches than the hashes a block is expected to take (two on regtest): the rest is wasted.
        var batchSize = (int)BigInteger.Clamp(BlockProof.Of(bits), 1, MaxBatchSize);
        var headers = new byte[batchSize * BlockHeaderBytes.Size];
        var hashes = new byte[batchSize * ScryptPow.HashSize];
        for (var extraNonce = 1u; ; extraNonce++)
        {
            CoinbaseExtraNonce.Apply(block, height, extraNonce);
            BlockHeaderBytes.Write(block.Header, headers);
            for (var i = 1; i < batchSize; i++)
            {
                headers.AsSpan(0, BlockHeaderBytes.Size).CopyTo(headers.AsSpan(i * BlockHeaderBytes.Size));
            }

            for (var first = 0u; first < noncesPerExtraNonce; first += (uint)batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = (int)Math.Min((uint)batchSize, noncesPerExtraNonce - first);
                for (var i = 0; i < count; i++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(headers.AsSpan((i * BlockHeaderBytes.Size) + NonceOffset), first + (uint)i);
                }

                ScryptPow.HashBatch(headers.AsSpan(0, count * BlockHeaderBytes.Size), hashes.AsSpan(0, count * ScryptPow.HashSize));
                for (var i = 0; i < count; i++)
                {
                    if (budget.IsExhausted)
                    {
                        return false;
                    }

                    if (MeetsTarget(hashes.AsSpan(i * ScryptPow.HashSize, ScryptPow.HashSize), target))
                    {
                        block.Header.Nonce = first + (uint)i;
                        return true;
                    }

                    budget.SpendOne();
                }
            }
        }
    }

    /// <summary>The target as 32 little-endian bytes; bits no valid block can have are a caller bug.</summary>
    private byte[] TargetBytes(uint bits)
    {
        var target = CompactTarget.Decode(bits, out var negative, out var overflow);
        if (negative || overflow || target.IsZero || target > CompactTarget.ToBigInteger(consensus.PowLimit))
        {
            throw new ArgumentException($"Bits {bits:x8} encode no valid target.", "block");
        }

        return CompactTarget.ToUInt256(target).ToBytes(true);
    }

    /// <summary>The hash, read as a little-endian 256-bit number, is at most the target.</summary>
    private static bool MeetsTarget(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> target)
    {
        for (var i = ScryptPow.HashSize - 1; i >= 0; i--)
        {
            if (hash[i] != target[i])
            {
                return hash[i] < target[i];
            }
        }

        return true;
    }
}
