using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Consensus.Rules.Headers;
using Faithcoin.Consensus.Scripting;
using Faithcoin.Node.Mining;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mining;

/// <summary>
/// A regtest chain in memory that grows only through the node's own assembler and miner, every block put
/// through Consensus's header, block, contextual and connect checks before it becomes the tip.
/// </summary>
internal sealed class MiningTestChain
{
    private readonly HeaderIndex index = new();
    private readonly HeaderValidator headerValidator;
    private readonly BlockRuleSetProvider ruleSets;
    private readonly BlockConnector connector;
    private readonly ProofOfWorkMiner miner;

    public MiningTestChain()
    {
        var cache = new VersionBitsCache();
        VersionBits = new VersionBitsStateMachine(Consensus, cache);
        ruleSets = new BlockRuleSetProvider(Consensus, cache);
        Assembler = new BlockAssembler(ChainParams.Regtest, VersionBits, new BlockAssemblerOptions());
        miner = new ProofOfWorkMiner(ChainParams.Regtest);
        headerValidator = new HeaderValidator(Consensus, index);
        connector = new BlockConnector(Consensus, new BlockCheck());

        var genesis = ChainParams.Regtest.CreateGenesisBlock();
        var view = new CoinsViewCache(Coins);
        Assert.Null(connector.ConnectBlock(genesis, BlockRuleContext.From(null, ruleSets.ForNextBlock(null, genesis.Header.BlockTime.ToUnixTimeSeconds())), view).VerifySequentially());
        view.Flush();
        Tip = new ChainedHeader(genesis.Header, genesis.GetHash(), null);
        index.Add(Tip);
        Clock = Tip.Time;
    }

    public static ConsensusParams Consensus => ChainParams.Regtest.Consensus;

    public VersionBitsStateMachine VersionBits { get; }

    public BlockAssembler Assembler { get; }

    public MemoryCoinsView Coins { get; } = new();

    public ChainedHeader Tip { get; private set; }

    /// <summary>The test's adjusted time; each mined block moves it on by the target spacing.</summary>
    public long Clock { get; private set; }

    public Key MinerKey { get; } = new(Enumerable.Repeat((byte)7, 32).ToArray());

    public Script MinerScript => MinerKey.PubKey.ScriptPubKey;

    /// <summary>Assembles, mines, validates and connects a block on the tip; returns it.</summary>
    /// <param name="grind">
    /// False skips the nonce search and the proof-of-work check (as Core's TestBlockValidity does), for tests that
    /// only need blocks to pile up: scrypt is slow in Debug builds.
    /// </param>
    public Block MineNext(IReadOnlyList<BlockCandidate>? candidates = null, bool grind = true)
    {
        Clock += Consensus.PowTargetSpacing;
        var template = Assembler.CreateNewBlock(Tip, MinerScript, candidates ?? [], Clock);
        var block = template.Block;
        if (grind)
        {
            Assert.True(miner.TryMine(block, template.Height, new MiningBudget(), CancellationToken.None));
        }
        else
        {
            CoinbaseExtraNonce.Apply(block, template.Height, 1);
        }

        Accept(block, grind);
        return block;
    }

    /// <summary>Runs every Consensus check a block from a peer would face, then makes it the tip.</summary>
    public void Accept(Block block, bool checkProofOfWork = true)
    {
        Assert.Null(headerValidator.Validate(block.Header, Tip, Clock, checkProofOfWork));
        Assert.Null(new BlockCheck().Check(block));
        var context = BlockRuleContext.From(Tip, ruleSets.ForNextBlock(Tip, block.Header.BlockTime.ToUnixTimeSeconds()));
        Assert.Null(new ContextualBlockCheck().Check(block, context));
        var view = new CoinsViewCache(Coins);
        Assert.Null(connector.ConnectBlock(block, context, view).VerifySequentially());
        view.Flush();
        Tip = new ChainedHeader(block.Header, block.GetHash(), Tip);
        index.Add(Tip);
    }

    /// <summary>A signed transaction spending output 0 (pay-to-pubkey of the miner key) of a mined coinbase.</summary>
    public BlockCandidate Spend(Transaction source, long fee)
    {
        var spent = source.Outputs[0];
        var tx = FaithcoinConsensusFactory.Instance.CreateTransaction();
        tx.Version = 2;
        tx.Inputs.Add(new TxIn(new OutPoint(source.GetHash(), 0)));
        tx.Outputs.Add(new TxOut(spent.Value - Money.Satoshis(fee), MinerScript));
        var hash = tx.GetSignatureHash(spent.ScriptPubKey, 0, SigHash.All, spent, HashVersion.Original);
        tx.Inputs[0].ScriptSig = new Script(Op.GetPushOp(new TransactionSignature(MinerKey.Sign(hash), SigHash.All).ToBytes()));
        var cost = SigOpCounter.TransactionCost(tx, [spent], ruleSets.ForNextBlock(Tip, Clock).ScriptFlags);
        return new BlockCandidate(tx, fee, cost);
    }
}
