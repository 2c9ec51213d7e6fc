using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>
/// bad-txnmrklroot and bad-txns-duplicate: the header must commit to exactly these transactions, and the list must
/// not be a CVE-2012-2459 mutation. Both may be transit corruption of a valid block, so the hash is not banned.
/// </summary>
public sealed class MerkleRootRule : IBlockRule
{
    public ValidationError? Check(Block block)
    {
        var root = MerkleRoots.BlockRoot(block, out var mutated);
        if (block.Header.HashMerkleRoot != root)
        {
            return new ValidationError("bad-txnmrklroot", 100, CorruptionPossible: true, Debug: "hashMerkleRoot mismatch");
        }

        if (mutated)
        {
            return new ValidationError("bad-txns-duplicate", 100, CorruptionPossible: true, Debug: "duplicate transaction");
        }

        return null;
    }
}
