using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Pow;
using Faithcoin.Consensus.Rules.Blocks;
using NBitcoin;

namespace Faithcoin.Node.Tests.Chain;

/// <summary>
/// Regtest blocks built in the test: coinbase to an anyone-can-spend script, times 150 s apart, nonce ground until
/// the scrypt hash meets 0x207fffff (about two tries).
/// </summary>
internal static class RegtestBlockBuilder
{
    public static readonly Script AnyoneCanSpend = new(OpcodeType.OP_TRUE);

    public static ConsensusParams Consensus => ChainParams.Regtest.Consensus;

    /// <summary>A block on <paramref name="previous"/>; <paramref name="tag"/> makes sibling blocks differ.</summary>
    public static Block Build(ChainedHeader previous, IEnumerable<Transaction>? transactions = null, long extraCoinbase = 0, int tag = 0)
    {
        var height = previous.Height + 1;
        var block = FaithcoinConsensusFactory.Instance.CreateBlock();
        block.Header.Version = 0x20000000;
        block.Header.HashPrevBlock = previous.HashBlock;
        block.Header.BlockTime = DateTimeOffset.FromUnixTimeSeconds(previous.Time + 150);
        block.Header.Bits = new Target(0x207fffff);
        var txs = transactions?.ToList() ?? [];
        var fees = 0L;
        block.Transactions.Add(Coinbase(height, BlockSubsidy.At(height, Consensus.SubsidyHalvingInterval) + fees + extraCoinbase, tag));
        block.Transactions.AddRange(txs);
        block.UpdateMerkleRoot();
        Grind(block.Header);
        return block;
    }

    public static Transaction Coinbase(int height, long value, int tag)
    {
        var coinbase = FaithcoinConsensusFactory.Instance.CreateTransaction();
        var scriptSig = new Script(Op.GetPushOp(height), Op.GetPushOp(tag));
        coinbase.Inputs.Add(new TxIn(new OutPoint(), scriptSig));
        coinbase.Outputs.Add(new TxOut(Money.Satoshis(value), AnyoneCanSpend));
        return coinbase;
    }

    /// <summary>Spends <paramref name="outpoint"/> of <paramref name="value"/> into <paramref name="outputs"/> equal outputs.</summary>
    public static Transaction Spend(OutPoint outpoint, long value, int outputs, Script? lockingScript = null)
    {
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Inputs.Add(new TxIn(outpoint, Script.Empty));
        for (var i = 0; i < outputs; i++)
        {
            tx.Outputs.Add(new TxOut(Money.Satoshis(value / outputs), lockingScript ?? AnyoneCanSpend));
        }

        return tx;
    }

    /// <summary>A chain of <paramref name="count"/> blocks on <paramref name="previous"/>.</summary>
    public static List<Block> Extend(ChainedHeader previous, int count, int tag = 0)
    {
        var blocks = new List<Block>();
        var tip = previous;
        for (var i = 0; i < count; i++)
        {
            var block = Build(tip, tag: tag);
            blocks.Add(block);
            tip = new ChainedHeader(block.Header, block.GetHash(), tip);
        }

        return blocks;
    }

    public static ChainedHeader HeaderOf(Block block, ChainedHeader previous) => new(block.Header, block.GetHash(), previous);

    private static void Grind(BlockHeader header)
    {
        while (!DifficultyCalculator.CheckProofOfWork(header.GetPoWHash(), header.Bits.ToCompact(), Consensus))
        {
            header.Nonce++;
        }
    }
}
