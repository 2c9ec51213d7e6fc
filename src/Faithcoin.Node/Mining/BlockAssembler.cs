using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Pow;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Consensus.Rules.Transactions;
using Faithcoin.Consensus.Scripting;
using Faithcoin.Node.Mempool.Policy;
using NBitcoin;

namespace Faithcoin.Node.Mining;

/// <summary>
/// 0.15's BlockAssembler::CreateNewBlock without a mempool: takes candidates already in block order, keeps those
/// that fit (final, no witness before segwit or for a non-segwit caller, within weight and sigops, parents kept),
/// and builds the coinbase, witness commitment and header on <c>previous</c>. The result is not yet checked
/// against the chain (TestBlockValidity belongs to the chain manager).
/// </summary>
public sealed class BlockAssembler
{
    /// <summary>CTransaction::CURRENT_VERSION in 0.15, which a fresh coinbase carries.</summary>
    private const int CoinbaseVersion = 2;

    private readonly ConsensusParams consensus;
    private readonly VersionBitsStateMachine versionBits;
    private readonly BlockAssemblerOptions options;

    public BlockAssembler(ChainParams chainParams, VersionBitsStateMachine versionBits, BlockAssemblerOptions options)
    {
        ArgumentNullException.ThrowIfNull(chainParams);
        ArgumentNullException.ThrowIfNull(versionBits);
        ArgumentNullException.ThrowIfNull(options);
        consensus = chainParams.Consensus;
        this.versionBits = versionBits;
        this.options = options;
    }

    /// <param name="adjustedTime">The node's adjusted clock; the block time is at least the median time past + 1.</param>
    /// <param name="mineWitnessTransactions">False for getblocktemplate callers without the segwit rule.</param>
    public BlockTemplate CreateNewBlock(
        ChainedHeader previous,
        Script coinbaseScript,
        IReadOnlyList<BlockCandidate> candidates,
        long adjustedTime,
        bool mineWitnessTransactions = true)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(coinbaseScript);
        ArgumentNullException.ThrowIfNull(candidates);
        var height = previous.Height + 1;
        var medianTimePast = previous.GetMedianTimePast();
        var time = Math.Max(medianTimePast + 1, adjustedTime);
        var segwitActive = versionBits.IsActive(previous, DeploymentId.Segwit);

        // Policy locks by median time past (STANDARD_LOCKTIME_VERIFY_FLAGS) whether or not BIP113 is active yet.
        var selected = Select(candidates, height, medianTimePast, segwitActive && mineWitnessTransactions);
        var totalFees = selected.Sum(c => c.Fee);

        var block = FaithcoinConsensusFactory.Instance.CreateBlock();
        var coinbase = CreateCoinbase(height, coinbaseScript, BlockSubsidy.At(height, consensus.SubsidyHalvingInterval) + totalFees);
        block.Transactions.Add(coinbase);
        block.Transactions.AddRange(selected.Select(c => c.Transaction));
        var commitment = WitnessCommitmentBuilder.Generate(block, consensus, segwitActive);

        var header = block.Header;
        header.Version = options.VersionOverride ?? versionBits.ComputeBlockVersion(previous);
        header.HashPrevBlock = previous.HashBlock;
        header.BlockTime = DateTimeOffset.FromUnixTimeSeconds(time);
        header.Bits = new Target(DifficultyCalculator.GetNextWorkRequired(previous, time, consensus));
        header.Nonce = 0;
        header.HashMerkleRoot = MerkleRoots.BlockRoot(block, out _);

        List<long> fees = [-totalFees, .. selected.Select(c => c.Fee)];
        List<long> sigOps = [ConsensusConstants.WitnessScaleFactor * SigOpCounter.LegacyCount(coinbase), .. selected.Select(c => c.SigOpsCost)];
        return new BlockTemplate(block, previous, fees, sigOps, commitment);
    }

    /// <summary>
    /// 0.15's UpdateTime, for a template served again (getblocktemplate): the time only moves forward, to at least
    /// the median time past + 1; where min-difficulty blocks are allowed the bits follow the time, so they are
    /// recomputed. Returns how far the time moved.
    /// </summary>
    public long UpdateTime(BlockTemplate template, long adjustedTime)
    {
        ArgumentNullException.ThrowIfNull(template);
        var header = template.Block.Header;
        var oldTime = header.BlockTime.ToUnixTimeSeconds();
        var newTime = Math.Max(template.Previous.GetMedianTimePast() + 1, adjustedTime);
        if (oldTime < newTime)
        {
            header.BlockTime = DateTimeOffset.FromUnixTimeSeconds(newTime);
        }

        if (consensus.PowAllowMinDifficultyBlocks)
        {
            header.Bits = new Target(DifficultyCalculator.GetNextWorkRequired(template.Previous, header.BlockTime.ToUnixTimeSeconds(), consensus));
        }

        return newTime - oldTime;
    }

    private static Transaction CreateCoinbase(int height, Script coinbaseScript, long value)
    {
        var coinbase = FaithcoinConsensusFactory.Instance.CreateTransaction();
        coinbase.Version = CoinbaseVersion;
        coinbase.Inputs.Add(new TxIn(new OutPoint(), CoinbaseScripts.ForTemplate(height)));
        coinbase.Outputs.Add(new TxOut(Money.Satoshis(value), coinbaseScript));
        return coinbase;
    }

    private List<BlockCandidate> Select(IReadOnlyList<BlockCandidate> candidates, int height, long lockTimeCutoff, bool includeWitness)
    {
        var selected = new List<BlockCandidate>();
        var dropped = new HashSet<uint256>();
        var weight = BlockAssemblerOptions.CoinbaseReservedWeight;
        var sigOpsCost = BlockAssemblerOptions.CoinbaseReservedSigOpsCost;
        foreach (var candidate in candidates)
        {
            var tx = candidate.Transaction;
            var txWeight = TransactionSizes.Weight(tx);
            var virtualSize = (txWeight + ConsensusConstants.WitnessScaleFactor - 1) / ConsensusConstants.WitnessScaleFactor;
            var fits =
                !tx.Inputs.Any(input => dropped.Contains(input.PrevOut.Hash)) &&
                TransactionFinality.IsFinal(tx, height, lockTimeCutoff) &&
                (includeWitness || !tx.HasWitness) &&
                weight + (ConsensusConstants.WitnessScaleFactor * virtualSize) < options.MaxWeight &&
                sigOpsCost + candidate.SigOpsCost < ConsensusConstants.MaxBlockSigopsCost;
            if (!fits)
            {
                // Its descendants cannot go in without it.
                dropped.Add(tx.GetHash());
                continue;
            }

            selected.Add(candidate);
            weight += txWeight;
            sigOpsCost += candidate.SigOpsCost;
        }

        return selected;
    }
}
