using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Node.Mining;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mining;

/// <summary>CreateNewBlock as 0.15: coinbase, version, time, bits, commitment; mined blocks pass Consensus.</summary>
public sealed class BlockAssemblerTests
{
    private const string EmptyBlockCommitment = "6a24aa21a9ede2f61c3f71d1defd3fa999dfa36953755c690689799962b48bebd836974e8cf9";

    [Fact]
    public void FirstBlockOnGenesis()
    {
        var chain = new MiningTestChain();
        var genesis = chain.Tip;

        var template = chain.Assembler.CreateNewBlock(genesis, chain.MinerScript, [], genesis.Time + 600);
        var block = template.Block;
        var coinbase = block.Transactions[0];

        Assert.Single(block.Transactions);
        Assert.Equal(1, template.Height);
        Assert.Equal(0x20000000, block.Header.Version);
        Assert.Equal(genesis.HashBlock, block.Header.HashPrevBlock);
        Assert.Equal(genesis.Time + 600, (uint)block.Header.BlockTime.ToUnixTimeSeconds());
        Assert.Equal(0x207fffffu, block.Header.Bits.ToCompact());
        Assert.Equal(0u, block.Header.Nonce);
        Assert.Equal(MerkleRoots.BlockRoot(block, out _), block.Header.HashMerkleRoot);

        Assert.Equal(2u, coinbase.Version);
        Assert.Equal("5100", Convert.ToHexStringLower(coinbase.Inputs[0].ScriptSig.ToBytes()));
        Assert.Equal(0xffffffffu, (uint)coinbase.Inputs[0].Sequence);
        Assert.Equal(Money.Coins(50), coinbase.Outputs[0].Value);
        Assert.Equal(chain.MinerScript, coinbase.Outputs[0].ScriptPubKey);

        // 0.15 commits before segwit is active too, but adds the witness nonce only once it is.
        Assert.Equal(EmptyBlockCommitment, Convert.ToHexStringLower(coinbase.Outputs[1].ScriptPubKey.ToBytes()));
        Assert.Equal(EmptyBlockCommitment, Convert.ToHexStringLower(template.CoinbaseCommitment));
        Assert.Equal(Money.Zero, coinbase.Outputs[1].Value);
        Assert.False(coinbase.HasWitness);

        Assert.Equal([0L], template.Fees);
        Assert.Equal([4L], template.SigOpsCosts);
        Assert.Equal(5_000_000_000, template.CoinbaseValue);
    }

    [Fact]
    public void TimeIsAtLeastOneSecondPastTheMedianTimePast()
    {
        var chain = new MiningTestChain();
        var template = chain.Assembler.CreateNewBlock(chain.Tip, chain.MinerScript, [], adjustedTime: 5);

        Assert.Equal(chain.Tip.GetMedianTimePast() + 1, template.Block.Header.BlockTime.ToUnixTimeSeconds());
    }

    [Fact]
    public void UpdateTimeOnlyMovesForward()
    {
        var chain = new MiningTestChain();
        var template = chain.Assembler.CreateNewBlock(chain.Tip, chain.MinerScript, [], chain.Tip.Time + 600);

        Assert.Equal(-300, chain.Assembler.UpdateTime(template, chain.Tip.Time + 300));
        Assert.Equal(chain.Tip.Time + 600, template.Block.Header.BlockTime.ToUnixTimeSeconds());
        Assert.Equal(100, chain.Assembler.UpdateTime(template, chain.Tip.Time + 700));
        Assert.Equal(chain.Tip.Time + 700, template.Block.Header.BlockTime.ToUnixTimeSeconds());
        Assert.Equal(0x207fffffu, template.Block.Header.Bits.ToCompact());
    }

    [Fact]
    public void MinedBlocksPassEveryConsensusCheck()
    {
        var chain = new MiningTestChain();
        for (var height = 1; height <= 5; height++)
        {
            var block = chain.MineNext();

            var scriptSig = block.Transactions[0].Inputs[0].ScriptSig.ToBytes();
            Assert.Equal(CoinbaseHeightRule.ExpectedPrefix(height).Concat(new byte[] { 0x01, 0x01 }), scriptSig);
        }

        Assert.Equal(5, chain.Tip.Height);
        Assert.Equal(5, chain.Coins.Count);
    }

    [Fact]
    public void SpendsAreIncludedAndTheirFeesGoToTheCoinbase()
    {
        var chain = new MiningTestChain();
        var first = chain.MineNext().Transactions[0];
        for (var i = 0; i < ConsensusConstants.CoinbaseMaturity; i++)
        {
            chain.MineNext(grind: false);
        }

        var spend = chain.Spend(first, fee: 100_000);
        var template = chain.Assembler.CreateNewBlock(chain.Tip, chain.MinerScript, [spend], chain.Clock + 150);

        Assert.Equal(2, template.Block.Transactions.Count);
        Assert.Equal([-100_000L, 100_000L], template.Fees);
        Assert.Equal(5_000_100_000, template.CoinbaseValue);
        Assert.Equal(spend.SigOpsCost, template.SigOpsCosts[1]);

        var mined = chain.MineNext([spend]);
        Assert.Equal(spend.Transaction.GetHash(), mined.Transactions[1].GetHash());
    }

    [Fact]
    public void CandidatesThatCannotGoInAreLeftOutWithTheirDescendants()
    {
        var chain = new MiningTestChain();
        var final = Candidate(uint256.One, 0);
        var locked = Candidate(uint256.One, 1, tx =>
        {
            tx.LockTime = new LockTime(1000);
            tx.Inputs[0].Sequence = 0;
        });
        var child = Candidate(locked.Transaction.GetHash(), 0);
        var witness = Candidate(uint256.One, 2, tx => tx.Inputs[0].WitScript = new WitScript([new byte[] { 1 }], true));

        var template = chain.Assembler.CreateNewBlock(chain.Tip, chain.MinerScript, [final, locked, child, witness], chain.Clock);

        Assert.Equal([template.Block.Transactions[0].GetHash(), final.Transaction.GetHash()], template.Block.Transactions.Select(t => t.GetHash()));
        Assert.Equal(5_000_000_000 + final.Fee, template.CoinbaseValue);
    }

    [Fact]
    public void TheWeightLimitLeavesOutWhatDoesNotFit()
    {
        var first = Candidate(uint256.One, 0);
        var second = Candidate(uint256.One, 1);
        var weight = first.Transaction.GetSerializedSize() * 4;
        var cache = new VersionBitsCache();
        var assembler = new BlockAssembler(
            ChainParams.Regtest,
            new VersionBitsStateMachine(ChainParams.Regtest.Consensus, cache),
            new BlockAssemblerOptions { MaxWeight = BlockAssemblerOptions.CoinbaseReservedWeight + weight + 1 });
        var genesis = ChainParams.Regtest.CreateGenesisBlock();
        var tip = new ChainedHeader(genesis.Header, genesis.GetHash(), null);

        var template = assembler.CreateNewBlock(tip, Script.Empty, [first, second], tip.Time + 1);

        Assert.Equal(2, template.Block.Transactions.Count);
        Assert.Equal(first.Transaction.GetHash(), template.Block.Transactions[1].GetHash());
    }

    [Fact]
    public void OnceSegwitIsActiveTheCoinbaseCarriesTheWitnessNonce()
    {
        // Period 1 (blocks 144-287) signals csv and segwit: locked in for 288-431, active from 432.
        var cache = new VersionBitsCache();
        var versionBits = new VersionBitsStateMachine(ChainParams.Regtest.Consensus, cache);
        var assembler = new BlockAssembler(ChainParams.Regtest, versionBits, new BlockAssemblerOptions());
        var headers = SignallingHeaders(431);
        var lockedIn = headers[430];
        var active = headers[431];
        var witnessSpend = Candidate(uint256.One, 0, tx => tx.Inputs[0].WitScript = new WitScript([new byte[] { 1 }], true));

        var before = assembler.CreateNewBlock(lockedIn, Script.Empty, [witnessSpend], lockedIn.Time + 1);
        var after = assembler.CreateNewBlock(active, Script.Empty, [witnessSpend], active.Time + 1);

        Assert.Equal(ThresholdState.LockedIn, versionBits.GetState(lockedIn, DeploymentId.Segwit));
        Assert.Single(before.Block.Transactions);
        Assert.False(before.Block.Transactions[0].HasWitness);
        Assert.Equal(0x20000003 | (1 << 28), before.Block.Header.Version);

        Assert.Equal(ThresholdState.Active, versionBits.GetState(active, DeploymentId.Segwit));
        Assert.Equal(2, after.Block.Transactions.Count);
        var nonce = after.Block.Transactions[0].Inputs[0].WitScript;
        Assert.Equal(1, nonce.PushCount);
        Assert.Equal(new byte[32], nonce[0]);
        Assert.Equal(0x20000000 | (1 << 28), after.Block.Header.Version);
        Assert.Equal(after.CoinbaseCommitment, after.Block.Transactions[0].Outputs[^1].ScriptPubKey.ToBytes());

        var provider = new BlockRuleSetProvider(ChainParams.Regtest.Consensus, cache);
        var time = after.Block.Header.BlockTime.ToUnixTimeSeconds();
        var context = BlockRuleContext.From(active, provider.ForNextBlock(active, time));
        Assert.True(context.SegwitActive);
        Assert.Null(new WitnessCommitmentRule().Check(after.Block, context));
        Assert.Null(new ContextualBlockCheck().Check(after.Block, context));
    }

    [Fact]
    public void WithoutSegwitSupportWitnessCandidatesStayOut()
    {
        var cache = new VersionBitsCache();
        var assembler = new BlockAssembler(ChainParams.Regtest, new VersionBitsStateMachine(ChainParams.Regtest.Consensus, cache), new BlockAssemblerOptions());
        var active = SignallingHeaders(431)[431];
        var witnessSpend = Candidate(uint256.One, 0, tx => tx.Inputs[0].WitScript = new WitScript([new byte[] { 1 }], true));

        var template = assembler.CreateNewBlock(active, Script.Empty, [witnessSpend], active.Time + 1, mineWitnessTransactions: false);

        Assert.Single(template.Block.Transactions);
        Assert.True(template.Block.Transactions[0].HasWitness);
    }

    /// <summary>Genesis plus <paramref name="tip"/> headers, those from 144 on signalling csv and segwit.</summary>
    internal static List<ChainedHeader> SignallingHeaders(int tip)
    {
        var genesis = ChainParams.Regtest.CreateGenesisBlock();
        var headers = new List<ChainedHeader> { new(genesis.Header, genesis.GetHash(), null) };
        for (var height = 1; height <= tip; height++)
        {
            var header = FaithcoinConsensusFactory.Instance.CreateBlockHeader();
            header.Version = height >= 144 ? 0x20000003 : 0x20000000;
            header.HashPrevBlock = headers[^1].HashBlock;
            header.BlockTime = DateTimeOffset.FromUnixTimeSeconds(headers[^1].Time + 150);
            header.Bits = new Target(0x207fffff);
            headers.Add(new ChainedHeader(header, header.GetHash(), headers[^1]));
        }

        return headers;
    }

    private static BlockCandidate Candidate(uint256 parent, int index, Action<Transaction>? tweak = null)
    {
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Inputs.Add(new TxIn(new OutPoint(parent, index)));
        tx.Outputs.Add(new TxOut(Money.Coins(1), Script.Empty));
        tweak?.Invoke(tx);
        return new BlockCandidate(tx, 1000 + index, 4);
    }
}
