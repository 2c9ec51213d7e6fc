using System.Security.Cryptography;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Blocks;

/// <summary>
/// bad-witness-nonce-size, bad-witness-merkle-match, unexpected-witness (BIP141): with SegWit active a committed
/// block must carry a 32-byte witness nonce and commit to its witness merkle root; a block without a commitment
/// (or before SegWit) may not carry witness data. All may be transit corruption (the witness is not in the hash).
/// </summary>
public sealed class WitnessCommitmentRule : IContextualBlockRule
{
    public ValidationError? Check(Block block, BlockRuleContext context)
    {
        var haveWitness = false;
        if (context.SegwitActive)
        {
            var index = WitnessCommitment.FindIndex(block);
            if (index != -1)
            {
                // Mutation of the witness tree is impossible once the transaction tree is unmutated, so it is ignored.
                var root = MerkleRoots.WitnessRoot(block, out _);
                var witness = block.Transactions[0].Inputs[0].WitScript;
                if (witness.PushCount != 1 || witness[0].Length != 32)
                {
                    return new ValidationError(
                        "bad-witness-nonce-size", 100, CorruptionPossible: true, Debug: "ContextualCheckBlock : invalid witness nonce size");
                }

                Span<byte> data = stackalloc byte[64];
                root.ToBytes(data[..32], true);
                witness[0].CopyTo(data[32..]);
                Span<byte> commitment = stackalloc byte[32];
                SHA256.HashData(data, commitment);
                SHA256.HashData(commitment, commitment);
                var script = block.Transactions[0].Outputs[index].ScriptPubKey.ToBytes(true);
                if (!script.AsSpan(6, 32).SequenceEqual(commitment))
                {
                    return new ValidationError(
                        "bad-witness-merkle-match", 100, CorruptionPossible: true, Debug: "ContextualCheckBlock : witness merkle commitment mismatch");
                }

                haveWitness = true;
            }
        }

        if (!haveWitness)
        {
            foreach (var tx in block.Transactions)
            {
                if (tx.HasWitness)
                {
                    return new ValidationError(
                        "unexpected-witness", 100, CorruptionPossible: true, Debug: "ContextualCheckBlock : unexpected witness data found");
                }
            }
        }

        return null;
    }
}
