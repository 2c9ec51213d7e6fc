using System.Diagnostics;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Tests.Fixture;

/// <summary>
/// The fixture slice connected once for all fixture tests: every block but the last, in order, through the
/// contextual block check and the block connector, with the deployments provider supplying each block's flags.
/// The last block is left for the tests to connect as it is and in mutated forms.
/// </summary>
public sealed class ConnectedSlice
{
    public ConnectedSlice()
    {
        var watch = Stopwatch.StartNew();
        Slice = FixtureSlice.Load();
        Consensus = ChainParams.Regtest.Consensus;
        Connector = new BlockConnector(Consensus, new BlockCheck());
        Rules = new BlockRuleSetProvider(Consensus, new VersionBitsCache());
        for (var height = 0; height < Slice.Blocks.Count - 1; height++)
        {
            var error = Connect(Slice.Blocks[height], height, View, out var undo);
            if (error is not null)
            {
                throw new InvalidOperationException($"Block {height} ({Slice.Headers[height].HashBlock}) rejected: {error}");
            }

            Undo.Add(undo!);
            ScriptChecksRun += LastScriptCheckCount;
            TransactionCount += Slice.Blocks[height].Transactions.Count;
        }

        ConnectTime = watch.Elapsed;
    }

    internal FixtureSlice Slice { get; }

    public ConsensusParams Consensus { get; }

    public BlockConnector Connector { get; }

    public BlockRuleSetProvider Rules { get; }

    /// <summary>The coins after every block but the last.</summary>
    public MemoryCoinsView View { get; } = new();

    /// <summary>Undo[h] is the undo data of the block at height h.</summary>
    public List<BlockUndo> Undo { get; } = [];

    public int ScriptChecksRun { get; }

    public int TransactionCount { get; }

    public TimeSpan ConnectTime { get; }

    public int LastHeight => Slice.Blocks.Count - 1;

    private int LastScriptCheckCount { get; set; }

    /// <summary>
    /// Validates and connects a block at <paramref name="height"/> on top of <paramref name="baseView"/>: the
    /// contextual block rules, ConnectBlock, then the scripts in parallel; flushes into the base view on success.
    /// </summary>
    public ValidationError? Connect(Block block, int height, ICoinsViewWriter baseView, out BlockUndo? undo)
    {
        undo = null;
        var previous = height == 0 ? null : Slice.Headers[height - 1];
        var context = BlockRuleContext.From(previous, Rules.ForNextBlock(previous, block.Header.BlockTime.ToUnixTimeSeconds()));
        var error = new ContextualBlockCheck().Check(block, context);
        if (error is not null)
        {
            return error;
        }

        var cache = new CoinsViewCache(baseView);
        var result = Connector.ConnectBlock(block, context, cache);
        LastScriptCheckCount = result.ScriptChecks.Count;
        error = result.Error ?? ParallelScriptRunner.Run(result.ScriptChecks);
        if (error is not null)
        {
            return error;
        }

        cache.Flush();
        undo = result.Undo;
        return null;
    }

    /// <summary>ConnectBlock alone (as a node re-connecting an already accepted block), scripts included.</summary>
    public ValidationError? ConnectOnly(Block block)
    {
        var height = LastHeight;
        var previous = Slice.Headers[height - 1];
        var context = BlockRuleContext.From(previous, Rules.ForNextBlock(previous, block.Header.BlockTime.ToUnixTimeSeconds()));
        var result = Connector.ConnectBlock(block, context, new CoinsViewCache(View));
        return result.Error ?? ParallelScriptRunner.Run(result.ScriptChecks);
    }
}
