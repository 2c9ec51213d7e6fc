using Faithcoin.Node.Chain;
using Faithcoin.Node.Chain.Queries;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Mining;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.Mining;

/// <summary>
/// 0.15's BlockAssembler(Params()).CreateNewBlock on the current tip, under the chain lock so the tip and the
/// deployment states it reads agree, filled from the mempool in <see cref="PackageSelector"/>'s order.
/// </summary>
public sealed class TemplateFactory(
    ChainManager chain, BlockValidityTester tester, TimeProvider time, MiningStatistics statistics, TransactionPool pool, BlockAssemblerOptions? assemblerOptions = null)
{

    private readonly BlockAssemblerOptions options = assemblerOptions ?? new();

    public BlockTemplate Create(Script coinbaseScript, bool mineWitnessTransactions = true)
    {
        ArgumentNullException.ThrowIfNull(coinbaseScript);
        var chainParams = chain.ChainParams;
        var template = chain.ReadLocked(context =>
        {
            var created = new BlockAssembler(chainParams, context.VersionBits(chainParams.Consensus), options)
                .CreateNewBlock(
                    context.Active.Tip!, coinbaseScript, PackageSelector.Select(pool, options.MinFeePerKilobyte), time.GetUtcNow().ToUnixTimeSeconds(), mineWitnessTransactions);

            // 0.15 checks every new template against the tip it was built on; the lock is re-entered, so the tip cannot move between.
            if (tester.Test(created.Block) is { } error)
            {
                throw new InvalidOperationException($"CreateNewBlock: TestBlockValidity failed: {error}");
            }

            return created;
        });
        statistics.Record(template);
        return template;
    }

    /// <summary>UpdateTime for a template served again: the time moves on (and min-difficulty bits with it).</summary>
    public void Refresh(BlockTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var chainParams = chain.ChainParams;
        chain.ReadLocked(context =>
            new BlockAssembler(chainParams, context.VersionBits(chainParams.Consensus), options)
                .UpdateTime(template, time.GetUtcNow().ToUnixTimeSeconds()));
    }
}
