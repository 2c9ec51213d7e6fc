using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Consensus.Scripting;
using Faithcoin.Node.Mining;
using Faithcoin.Node.Tests.Statistics;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mining;

/// <summary>
/// The strongest check of the assembler and miner: given the transactions, payout script and clock the
/// original faithcoind had, they rebuild each of the fixture's blocks 1-499 byte for byte (version bits,
/// time, bits, coinbase and extra nonce, witness commitment and nonce, witness nonce after activation at 432,
/// and the first winning nonce). Scrypt is slow in Debug builds, so the nonce is searched for a sample of
/// heights (the first blocks, every thirty-second, around segwit's activation, the last) and taken from the
/// original for the others.
/// </summary>
public sealed class FixtureReproductionTests(SliceFixture fixture) : IClassFixture<SliceFixture>
{
    [Fact]
    public void AssemblerAndMinerRebuildTheOriginalsBlocks()
    {
        var cache = new VersionBitsCache();
        var versionBits = new VersionBitsStateMachine(ChainParams.Regtest.Consensus, cache);
        var rules = new BlockRuleSetProvider(ChainParams.Regtest.Consensus, cache);
        var assembler = new BlockAssembler(ChainParams.Regtest, versionBits, new BlockAssemblerOptions());
        var miner = new ProofOfWorkMiner(ChainParams.Regtest);
        var replay = new UtxoReplay();
        replay.Apply(fixture.Block(0), 0);

        for (var height = 1; height < fixture.Raw.Count; height++)
        {
            var original = fixture.Block(height);
            var previous = fixture.Headers[height - 1];
            var time = original.Header.BlockTime.ToUnixTimeSeconds();
            var flags = rules.ForNextBlock(previous, time).ScriptFlags;
            var candidates = Candidates(original, replay, flags);

            var template = assembler.CreateNewBlock(previous, original.Transactions[0].Outputs[0].ScriptPubKey, candidates, time);
            if (IsGround(height))
            {
                Assert.True(miner.TryMine(template.Block, height, new MiningBudget(), CancellationToken.None));
            }
            else
            {
                CoinbaseExtraNonce.Apply(template.Block, height, 1);
                template.Block.Header.Nonce = original.Header.Nonce;
            }

            Assert.True(
                fixture.Raw[height].AsSpan().SequenceEqual(template.Block.ToBytes()),
                $"Block {height} differs from the original's.");
            replay.Apply(original, height);
        }
    }

    private static bool IsGround(int height) => height <= 8 || height % 32 == 0 || height is >= 430 and <= 434 || height == 499;

    private static List<BlockCandidate> Candidates(Block block, UtxoReplay replay, ScriptVerify flags)
    {
        var created = new Dictionary<OutPoint, TxOut>();
        var candidates = new List<BlockCandidate>();
        foreach (var tx in block.Transactions.Skip(1))
        {
            var spent = tx.Inputs
                .Select(input => created.TryGetValue(input.PrevOut, out var output) ? output : replay.Get(input.PrevOut).Output)
                .ToList();
            candidates.Add(new BlockCandidate(tx, replay.FeeOf(tx, created), SigOpCounter.TransactionCost(tx, spent, flags)));
            for (var n = 0; n < tx.Outputs.Count; n++)
            {
                created[new OutPoint(tx.GetHash(), n)] = tx.Outputs[n];
            }
        }

        return candidates;
    }
}
