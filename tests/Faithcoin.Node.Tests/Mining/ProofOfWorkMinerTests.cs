using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Pow;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Node.Mining;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mining;

/// <summary>Nonce grinding as 0.15's generateBlocks does it.</summary>
public sealed class ProofOfWorkMinerTests
{
    [Fact]
    public void MinedHeaderMeetsItsTarget()
    {
        var template = NewTemplate();
        var miner = new ProofOfWorkMiner(ChainParams.Regtest);

        Assert.True(miner.TryMine(template.Block, template.Height, new MiningBudget(), CancellationToken.None));

        Span<byte> header = stackalloc byte[BlockHeaderBytes.Size];
        BlockHeaderBytes.Write(template.Block.Header, header);
        var hash = CompactTarget.ToBigInteger(ScryptPow.Hash(header));
        Assert.True(hash <= CompactTarget.Decode(template.Block.Header.Bits.ToCompact()));
        Assert.Equal("510101", Convert.ToHexStringLower(template.Block.Transactions[0].Inputs[0].ScriptSig.ToBytes()));
    }

    [Fact]
    public void TheFirstWinningNonceIsTaken()
    {
        var template = NewTemplate();
        new ProofOfWorkMiner(ChainParams.Regtest).TryMine(template.Block, template.Height, new MiningBudget(), CancellationToken.None);
        var found = template.Block.Header.Nonce;

        var header = template.Block.Header;
        Span<byte> bytes = stackalloc byte[BlockHeaderBytes.Size];
        var target = CompactTarget.Decode(header.Bits.ToCompact());
        for (var nonce = 0u; nonce < found; nonce++)
        {
            header.Nonce = nonce;
            BlockHeaderBytes.Write(header, bytes);
            Assert.True(CompactTarget.ToBigInteger(ScryptPow.Hash(bytes)) > target, $"Nonce {nonce} already met the target.");
        }
    }

    [Fact]
    public void AnExhaustedBudgetMinesNothing()
    {
        var template = NewTemplate();

        Assert.False(new ProofOfWorkMiner(ChainParams.Regtest).TryMine(template.Block, template.Height, new MiningBudget(0), CancellationToken.None));
    }

    [Fact]
    public void TheExtraNonceMovesOnWhenTheNonceRangeIsUsedUp()
    {
        // One nonce per extra nonce: every failed try moves the extra nonce on and changes the merkle root.
        var template = NewTemplate();
        var budget = new MiningBudget(1000);

        Assert.True(new ProofOfWorkMiner(ChainParams.Regtest, noncesPerExtraNonce: 1).TryMine(template.Block, template.Height, budget, CancellationToken.None));

        var failures = 1000 - budget.RemainingTries;
        var expected = Faithcoin.Node.Mining.CoinbaseScripts.WithExtraNonce(1, (uint)failures + 1);
        Assert.Equal(0u, template.Block.Header.Nonce);
        Assert.Equal(expected, template.Block.Transactions[0].Inputs[0].ScriptSig);
        Assert.Equal(Faithcoin.Consensus.Rules.Blocks.MerkleRoots.BlockRoot(template.Block, out _), template.Block.Header.HashMerkleRoot);
    }

    [Fact]
    public void CancellationStopsTheMiner()
    {
        var template = NewTemplate();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            new ProofOfWorkMiner(ChainParams.Regtest).TryMine(template.Block, template.Height, new MiningBudget(), cancelled.Token));
    }

    [Fact]
    public void BitsOutsideTheValidRangeAreRefused()
    {
        var template = NewTemplate();
        template.Block.Header.Bits = new Target(0x21010000);

        Assert.Throws<ArgumentException>(() =>
            new ProofOfWorkMiner(ChainParams.Regtest).TryMine(template.Block, template.Height, new MiningBudget(), CancellationToken.None));
    }

    private static BlockTemplate NewTemplate()
    {
        var genesis = ChainParams.Regtest.CreateGenesisBlock();
        var tip = new ChainedHeader(genesis.Header, genesis.GetHash(), null);
        var assembler = new BlockAssembler(
            ChainParams.Regtest, new VersionBitsStateMachine(ChainParams.Regtest.Consensus, new VersionBitsCache()), new BlockAssemblerOptions());
        return assembler.CreateNewBlock(tip, new Script(OpcodeType.OP_TRUE), [], tip.Time + 1);
    }
}
