using Faithcoin.Consensus.Rules.Blocks;
using NBitcoin;

namespace Faithcoin.Node.Mining;

/// <summary>
/// 0.15's IncrementExtraNonce: rewrites the coinbase scriptSig to <c>height extraNonce</c> and recomputes the
/// merkle root, which gives the miner a fresh nonce space. The witness commitment stays valid because the
/// witness merkle tree counts the coinbase as zero.
/// </summary>
public static class CoinbaseExtraNonce
{
    public static void Apply(Block block, int height, uint extraNonce)
    {
        ArgumentNullException.ThrowIfNull(block);
        block.Transactions[0].Inputs[0].ScriptSig = CoinbaseScripts.WithExtraNonce(height, extraNonce);
        block.Header.HashMerkleRoot = MerkleRoots.BlockRoot(block, out _);
    }
}
