using System.Security.Cryptography;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Blocks;
using NBitcoin;

namespace Faithcoin.Node.Mining;

/// <summary>
/// 0.15's GenerateCoinbaseCommitment and UpdateUncommittedBlockStructures. 0.15 adds the commitment output
/// whenever the segwit deployment is configured at all (nTimeout != 0), so blocks carry it before activation
/// too; the 32-byte witness nonce goes into the coinbase only once segwit is active.
/// </summary>
public static class WitnessCommitmentBuilder
{
    private const int NonceSize = 32;
    private static readonly byte[] CommitmentHeader = [0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed];

    /// <summary>Adds the commitment (when missing) and the nonce; returns the commitment script, or empty if none was added.</summary>
    public static byte[] Generate(Block block, ConsensusParams consensus, bool segwitActive)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(consensus);
        var commitment = Array.Empty<byte>();
        if (consensus.GetDeployment(DeploymentId.Segwit).Timeout != 0 && WitnessCommitment.FindIndex(block) == -1)
        {
            // The nonce is all zeros, so the commitment is SHA256d(witness root || 32 zero bytes).
            Span<byte> data = stackalloc byte[64];
            data.Clear();
            MerkleRoots.WitnessRoot(block, out _).ToBytes(data[..32], true);
            var hash = SHA256.HashData(SHA256.HashData(data));
            commitment = [.. CommitmentHeader, .. hash];
            block.Transactions[0].Outputs.Add(new TxOut(Money.Zero, Script.FromBytesUnsafe(commitment)));
        }

        UpdateUncommittedStructures(block, segwitActive);
        return commitment;
    }

    /// <summary>Gives a committed block's coinbase the zero witness nonce once segwit is active (also used by submitblock).</summary>
    public static void UpdateUncommittedStructures(Block block, bool segwitActive)
    {
        ArgumentNullException.ThrowIfNull(block);
        var coinbase = block.Transactions[0];
        if (segwitActive && WitnessCommitment.FindIndex(block) != -1 && !coinbase.HasWitness)
        {
            coinbase.Inputs[0].WitScript = new WitScript([new byte[NonceSize]], true);
        }
    }
}
