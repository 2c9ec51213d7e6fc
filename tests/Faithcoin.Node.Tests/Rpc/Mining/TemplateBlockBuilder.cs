using System.Text.Json;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Pow;
using Faithcoin.Consensus.Rules.Blocks;
using NBitcoin;

namespace Faithcoin.Node.Tests.Rpc.Mining;

/// <summary>
/// What a simple miner does with a getblocktemplate result: a coinbase paying coinbasevalue to OP_TRUE with the
/// height first and the default witness commitment, the template's header fields, then a nonce search.
/// </summary>
public static class TemplateBlockBuilder
{
    public static Block Build(JsonElement template)
    {
        var height = template.GetProperty("height").GetInt32();
        var coinbase = FaithcoinConsensusFactory.Instance.CreateTransaction();
        coinbase.Version = 2;
        coinbase.Inputs.Add(new TxIn(new OutPoint(), new Script(Op.GetPushOp(height), Op.GetPushOp(7))));
        coinbase.Outputs.Add(new TxOut(Money.Satoshis(template.GetProperty("coinbasevalue").GetInt64()), new Script(OpcodeType.OP_TRUE)));
        if (template.TryGetProperty("default_witness_commitment", out var commitment))
        {
            coinbase.Outputs.Add(new TxOut(Money.Zero, Script.FromBytesUnsafe(Convert.FromHexString(commitment.GetString()!))));
        }

        var block = FaithcoinConsensusFactory.Instance.CreateBlock();
        block.Transactions.Add(coinbase);
        foreach (var tx in template.GetProperty("transactions").EnumerateArray())
        {
            block.Transactions.Add(Transaction.Parse(tx.GetProperty("data").GetString()!, ChainParams.Regtest.Network));
        }

        var header = block.Header;
        header.Version = template.GetProperty("version").GetInt32();
        header.HashPrevBlock = uint256.Parse(template.GetProperty("previousblockhash").GetString()!);
        header.BlockTime = DateTimeOffset.FromUnixTimeSeconds(template.GetProperty("curtime").GetInt64());
        header.Bits = new Target(Convert.ToUInt32(template.GetProperty("bits").GetString(), 16));
        header.HashMerkleRoot = MerkleRoots.BlockRoot(block, out _);
        while (!DifficultyCalculator.CheckProofOfWork(header.GetPoWHash(), header.Bits.ToCompact(), ChainParams.Regtest.Consensus))
        {
            header.Nonce++;
        }

        return block;
    }
}
