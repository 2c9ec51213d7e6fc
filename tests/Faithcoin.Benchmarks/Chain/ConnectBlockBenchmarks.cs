using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Coins;
using Faithcoin.Consensus.Rules.Blocks;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Consensus.Scripting;
using NBitcoin;

namespace Faithcoin.Benchmarks.Chain;

/// <summary>
/// ConnectBlock throughput on the committed fixture slice (blocks 0–499, tests/data/fixture-slice.dat.gz) against an
/// in-memory UTXO set, on one thread: the rules alone, and the rules with every script check (the fast path, with
/// NBitcoin's interpreter behind it). The difference is the script cost per block.
/// </summary>
[Config(typeof(ShortJobConfig))]
public class ConnectBlockBenchmarks
{
    private readonly List<Block> blocks = [];
    private readonly List<BlockRuleContext> contexts = [];
    private BlockConnector connector = null!;

    [GlobalSetup]
    public void LoadSlice()
    {
        var consensus = ChainParams.Regtest.Consensus;
        connector = new BlockConnector(consensus, new BlockCheck());
        var rules = new BlockRuleSetProvider(consensus, new VersionBitsCache());
        using var gzip = new GZipStream(File.OpenRead(SlicePath()), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        var bytes = buffer.ToArray();
        ChainedHeader? previous = null;
        for (var position = 0; position + 8 <= bytes.Length;)
        {
            var length = BitConverter.ToInt32(bytes, position + 4);
            var block = Block.Load(bytes.AsSpan(position + 8, length).ToArray(), ChainParams.Regtest.Network.Consensus.ConsensusFactory);
            position += 8 + length;
            blocks.Add(block);
            contexts.Add(BlockRuleContext.From(previous, rules.ForNextBlock(previous, block.Header.BlockTime.ToUnixTimeSeconds())));
            previous = new ChainedHeader(block.Header, block.GetHash(), previous);
        }
    }

    [Benchmark(Baseline = true)]
    public int RulesOnly() => Connect(verifyScripts: false);

    [Benchmark]
    public int RulesAndScripts() => Connect(verifyScripts: true);

    private int Connect(bool verifyScripts)
    {
        var view = new MemoryCoinsView();
        var checks = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var cache = new CoinsViewCache(view);
            var result = connector.ConnectBlock(blocks[i], contexts[i], cache, verifyScripts);
            var error = result.Error ?? ScriptCheckRunner.RunSequential(result.ScriptChecks);
            if (error is not null)
            {
                throw new InvalidOperationException($"Block {i} failed: {error}");
            }

            checks += result.ScriptChecks.Count;
            cache.Flush();
        }

        return checks;
    }

    private static string SlicePath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "data", "fixture-slice.dat.gz");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("tests/data/fixture-slice.dat.gz was not found above the benchmark's folder.");
    }
}
