extern alias FaithcoinNode;

using BenchmarkDotNet.Attributes;
using FaithcoinNode::Faithcoin.Node.Storage;
using RocksDbSharp;

namespace Faithcoin.Benchmarks.Storage;

/// <summary>
/// Stores every block of the fixture chain (5,001 blocks, ~95 MB) into an empty folder, the way import does: one
/// block at a time, made power-safe every <see cref="SyncEvery"/> blocks and at the end. Time is BenchmarkDotNet's;
/// bytes written (write calls and what the kernel sent to disk, background compaction included) and the folder size
/// afterwards are printed as "storage figures" lines in the log, since write amplification matters more than speed
/// on SD cards.
/// </summary>
[Config(typeof(StorageJobConfig))]
public class BlockStoreBenchmarks
{
    private const int SyncEvery = 100;
    private readonly List<string> _figures = [];
    private FixtureBlocks _fixture = null!;
    private string _folder = string.Empty;
    private ProcessWriteCounters _before;
    private string _candidate = string.Empty;

    [GlobalSetup]
    public void LoadFixture() => _fixture = FixtureBlocks.Load();

    [IterationSetup]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "faithcoin-blockstore-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _before = ProcessWriteCounters.Read();
    }

    [Benchmark(Baseline = true)]
    public void AppendOnlyFiles()
    {
        _candidate = nameof(AppendOnlyFiles);
        using var store = new BlockFileStore(new BlockFileStoreOptions(_folder, FixtureBlocks.RegtestMessageStart), null);
        for (var i = 0; i < _fixture.Blocks.Count; i++)
        {
            store.Append(_fixture.Blocks[i]);
            if (i % SyncEvery == SyncEvery - 1)
            {
                store.Flush();
            }
        }

        store.Flush();
    }

    [Benchmark]
    public void RocksDbNoCompression() => StoreInRocksDb(nameof(RocksDbNoCompression), Compression.No, blobFiles: false);

    [Benchmark]
    public void RocksDbLz4() => StoreInRocksDb(nameof(RocksDbLz4), Compression.Lz4, blobFiles: false);

    [Benchmark]
    public void RocksDbBlobFiles() => StoreInRocksDb(nameof(RocksDbBlobFiles), Compression.No, blobFiles: true);

    [IterationCleanup]
    public void MeasureAndDeleteFolder()
    {
        var written = ProcessWriteCounters.Read() - _before;
        var size = Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        _figures.Add(
            $"storage figures: {_candidate} blocks={_fixture.TotalBytes} write_calls={written.WriteCalls} bytes_written={written.WriteBytes} " +
            $"disk_bytes_written={written.DiskWriteBytes} folder_bytes={size} amplification={(double)written.WriteBytes / _fixture.TotalBytes:F2}");
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

    private void StoreInRocksDb(string candidate, Compression compression, bool blobFiles)
    {
        _candidate = candidate;
        using var store = new RocksDbBlockStore(_folder, compression, blobFiles);
        for (var i = 0; i < _fixture.Blocks.Count; i++)
        {
            store.Put(_fixture.Hashes[i], _fixture.Blocks[i], sync: i % SyncEvery == SyncEvery - 1);
        }

        store.FlushMemtables();
    }
}
