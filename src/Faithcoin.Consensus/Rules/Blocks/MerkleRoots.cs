using System.Security.Cryptography;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>
/// Merkle roots as consensus/merkle.cpp computes them, reporting CVE-2012-2459 mutation: two identical siblings
/// at any level mean another transaction list hashes to the same root.
/// </summary>
public static class MerkleRoots
{
    /// <summary>The root over the transaction ids.</summary>
    public static uint256 BlockRoot(Block block, out bool mutated)
    {
        ArgumentNullException.ThrowIfNull(block);
        var leaves = new uint256[block.Transactions.Count];
        for (var i = 0; i < leaves.Length; i++)
        {
            leaves[i] = block.Transactions[i].GetHash();
        }

        return Compute(leaves, out mutated);
    }

    /// <summary>The root over the witness ids, with the coinbase's taken as zero (BIP141).</summary>
    public static uint256 WitnessRoot(Block block, out bool mutated)
    {
        ArgumentNullException.ThrowIfNull(block);
        var leaves = new uint256[block.Transactions.Count];
        for (var i = 0; i < leaves.Length; i++)
        {
            leaves[i] = i == 0 ? uint256.Zero : block.Transactions[i].GetWitHash();
        }

        return Compute(leaves, out mutated);
    }

    public static uint256 Compute(IReadOnlyList<uint256> leaves, out bool mutated)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        mutated = false;
        if (leaves.Count == 0)
        {
            return uint256.Zero;
        }

        var level = new byte[leaves.Count * 32];
        for (var i = 0; i < leaves.Count; i++)
        {
            leaves[i].ToBytes(level.AsSpan(i * 32, 32), true);
        }

        var count = leaves.Count;
        Span<byte> pair = stackalloc byte[64];
        Span<byte> once = stackalloc byte[32];
        while (count > 1)
        {
            var next = 0;
            for (var pos = 0; pos < count; pos += 2)
            {
                var left = level.AsSpan(pos * 32, 32);
                // An odd last node pairs with itself; that padding is not a mutation.
                var right = pos + 1 < count ? level.AsSpan((pos + 1) * 32, 32) : left;
                if (pos + 1 < count && left.SequenceEqual(right))
                {
                    mutated = true;
                }

                left.CopyTo(pair);
                right.CopyTo(pair[32..]);
                SHA256.HashData(pair, once);
                SHA256.HashData(once, level.AsSpan(next * 32, 32));
                next++;
            }

            count = next;
        }

        return new uint256(level.AsSpan(0, 32));
    }
}
