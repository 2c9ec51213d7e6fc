extern alias FaithcoinNode;

using BenchmarkDotNet.Attributes;
using FaithcoinNode::Faithcoin.Node.Storage;
using RocksDbSharp;

namespace Faithcoin.Benchmarks.Storage;

/// <summary>
/// Writes the chain state changes of the whole fixture (index entries, ~0.4 M coin puts and deletes, undo data) into
/// an empty chain state database, one batch per block as the chain manager's per-block commits would, with each
/// compression choice for the coins and undo families. Figures as in <see cref="BlockStoreBenchmarks"/>.
/// </summary>
[Config(typeof(StorageJobConfig))]
public class ChainStateWriteBenchmarks
{
    private const int SyncEvery = 100;
    private readonly List<string> _figures = [];
    private FixtureChainStateChanges _changes = null!;
    private string _folder = string.Empty;
    private ProcessWriteCounters _before;

    [Params(Compression.No, Compression.Lz4, Compression.Zstd)]
    public Compression Compression { get; set; }

    [GlobalSetup]
    public void ReplayFixture() => _changes = FixtureChainStateChanges.Replay(FixtureBlocks.Load());

    [IterationSetup]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "faithcoin-chainstate-" + Guid.NewGuid().ToString("N"));
        _before = ProcessWriteCounters.Read();
    }

    [Benchmark]
    public void CommitEveryBlock()
    {
        using var db = ChainStateDatabase.Open(new ChainStateOptions(_folder) { Compression = Compression });
        using var batch = db.CreateBatch();
        for (var i = 0; i < _changes.Blocks.Count; i++)
        {
            var block = _changes.Blocks[i];
            batch.Clear();
            batch.PutBlockIndex(block.Index);
            foreach (var (outPoint, coin) in block.Coins)
            {
                if (coin is null)
                {
                    batch.DeleteCoin(outPoint);
                }
                else
                {
                    batch.PutCoin(outPoint, coin);
                }
            }

            batch.PutUndo(block.Index.Hash, block.Undo);
            batch.SetBlockFileCursor(block.Cursor);
            batch.SetBestBlock(block.Index.Hash);
            db.Commit(batch, i % SyncEvery == SyncEvery - 1 ? WriteDurability.SurvivesPowerLoss : WriteDurability.SurvivesProcessCrash);
        }

        db.FlushMemtables();
    }

    [IterationCleanup]
    public void MeasureAndDeleteFolder()
    {
        var written = ProcessWriteCounters.Read() - _before;
        var size = Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var undoBytes = _changes.Blocks.Sum(b => (long)b.Undo.Length);
        _figures.Add(
            $"storage figures: chainstate compression={Compression} undo_bytes={undoBytes} write_calls={written.WriteCalls} " +
            $"bytes_written={written.WriteBytes} disk_bytes_written={written.DiskWriteBytes} folder_bytes={size}");
        Directory.Delete(_folder, recursive: true);
    }

    [GlobalCleanup]
    public void PrintFigures()
    {
        foreach (var line in _figures)
        {
            Console.WriteLine(line);
        }
    }
}
