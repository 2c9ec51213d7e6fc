using Faithcoin.Node.Storage;
using Xunit;

namespace Faithcoin.Node.Tests.Storage;

public sealed class BlockFileStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string BlocksPath => _temp.Combine("blocks");

    [Fact]
    public void BlocksReadBackByPosition()
    {
        var positions = new List<BlockFilePosition>();
        using var store = Open(null);
        for (var height = 1; height <= 200; height++)
        {
            positions.Add(store.Append(SyntheticChain.Block(height)));
        }

        for (var height = 1; height <= 200; height++)
        {
            Assert.Equal(SyntheticChain.Block(height), store.Read(positions[height - 1]));
        }

        Assert.Equal(new BlockFilePosition(0, 8, SyntheticChain.Block(1).Length), positions[0]);
        Assert.Equal(positions[^1].Offset + positions[^1].Length, store.Cursor.Offset);
    }

    [Fact]
    public void FilesUseCoresLayout()
    {
        using (var store = Open(null))
        {
            store.Append([1, 2, 3]);
        }

        Assert.Equal(Convert.FromHexString("fabfb5da03000000010203"), File.ReadAllBytes(BlockFileNames.PathOf(BlocksPath, 0)));
    }

    [Fact]
    public void FilesRollOverAtTheMaximumSize()
    {
        var positions = new List<BlockFilePosition>();
        using (var store = Open(null, maxFileSize: 50_000))
        {
            for (var height = 1; height <= 40; height++)
            {
                positions.Add(store.Append(SyntheticChain.Block(height)));
            }

            Assert.True(store.Cursor.FileNumber >= 5);
            for (var height = 1; height <= 40; height++)
            {
                Assert.Equal(SyntheticChain.Block(height), store.Read(positions[height - 1]));
            }
        }

        var lengths = positions.GroupBy(p => p.FileNumber).Select(g => new FileInfo(BlockFileNames.PathOf(BlocksPath, g.Key)).Length);
        Assert.All(lengths, length => Assert.InRange(length, 1, 50_000));
        Assert.Equal(positions.Select(p => p.FileNumber).Order(), positions.Select(p => p.FileNumber));
    }

    [Fact]
    public void AReopenedStoreContinuesAtTheRecordedCursorAndDropsUnrecordedBlocks()
    {
        BlockFileCursor recorded;
        BlockFilePosition first;
        using (var store = Open(null, maxFileSize: 30_000))
        {
            first = store.Append(SyntheticChain.Block(1));
            store.Append(SyntheticChain.Block(2));
            recorded = store.Cursor;

            // Written after the last commit of the chain state: nothing points at them.
            store.Append(SyntheticChain.Block(3));
            store.Append(SyntheticChain.Block(4));
            store.Append(SyntheticChain.Block(5));
        }

        using (var store = Open(recorded, maxFileSize: 30_000))
        {
            Assert.Equal(recorded, store.Cursor);
            var next = store.Append([6, 6, 6]);
            Assert.Equal(new BlockFilePosition(recorded.FileNumber, recorded.Offset + 8, 3), next);
            Assert.Equal([6, 6, 6], store.Read(next));
            Assert.Equal(SyntheticChain.Block(1), store.Read(first));

            // Rolling over reuses the next file from its start, whatever an interrupted run left in it.
            var rolled = store.Append(new byte[29_000]);
            Assert.Equal(new BlockFilePosition(recorded.FileNumber + 1, 8, 29_000), rolled);
        }

        Assert.Equal(recorded.Offset + 8 + 3, new FileInfo(BlockFileNames.PathOf(BlocksPath, recorded.FileNumber)).Length);
        Assert.Equal(8 + 29_000, new FileInfo(BlockFileNames.PathOf(BlocksPath, recorded.FileNumber + 1)).Length);
    }

    [Fact]
    public void WithoutACursorAStoreContinuesAfterTheLastFile()
    {
        BlockFileCursor end;
        using (var store = Open(null, maxFileSize: 30_000))
        {
            for (var height = 1; height <= 10; height++)
            {
                store.Append(SyntheticChain.Block(height));
            }

            end = store.Cursor;
        }

        using var reopened = Open(null, maxFileSize: 30_000);
        Assert.Equal(end, reopened.Cursor);
    }

    [Fact]
    public void ATruncatedFileIsReportedWithItsNameWhenRead()
    {
        BlockFilePosition last;
        using (var store = Open(null))
        {
            store.Append(SyntheticChain.Block(1));
            last = store.Append(SyntheticChain.Block(2));
        }

        var path = BlockFileNames.PathOf(BlocksPath, 0);
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(file.Length - 10);
        }

        using var reopened = Open(null);
        var error = Assert.Throws<StorageCorruptionException>(() => reopened.Read(last));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains("-reindex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileShorterThanTheRecordedCursorIsReportedAtOpen()
    {
        BlockFileCursor recorded;
        using (var store = Open(null))
        {
            store.Append(SyntheticChain.Block(1));
            recorded = store.Cursor;
        }

        var path = BlockFileNames.PathOf(BlocksPath, 0);
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(file.Length - 1);
        }

        var error = Assert.Throws<StorageCorruptionException>(() => Open(recorded).Dispose());
        Assert.Equal(path, error.Path);
        Assert.Contains("-reindex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingEarlierFileIsReportedAtOpen()
    {
        BlockFileCursor recorded;
        using (var store = Open(null, maxFileSize: 30_000))
        {
            for (var height = 1; height <= 10; height++)
            {
                store.Append(SyntheticChain.Block(height));
            }

            recorded = store.Cursor;
        }

        File.Delete(BlockFileNames.PathOf(BlocksPath, 1));
        var error = Assert.Throws<StorageCorruptionException>(() => Open(recorded).Dispose());
        Assert.Equal(BlockFileNames.PathOf(BlocksPath, 1), error.Path);
    }

    [Fact]
    public void AWrongMessageStartOrSizeIsReported()
    {
        BlockFilePosition position;
        using (var store = Open(null))
        {
            position = store.Append(SyntheticChain.Block(1));
        }

        var path = BlockFileNames.PathOf(BlocksPath, 0);
        var bytes = File.ReadAllBytes(path);
        bytes[0] ^= 0xff;
        File.WriteAllBytes(path, bytes);
        using (var store = Open(null))
        {
            var error = Assert.Throws<StorageCorruptionException>(() => store.Read(position));
            Assert.Contains("message start", error.Message, StringComparison.Ordinal);
            Assert.Equal(path, error.Path);

            var wrongLength = position with { Length = position.Length - 1 };
            bytes[0] ^= 0xff;
            File.WriteAllBytes(path, bytes);
            Assert.Throws<StorageCorruptionException>(() => store.Read(wrongLength));
        }
    }

    [Fact]
    public void AMissingFileIsReportedWhenRead()
    {
        using var store = Open(null);
        var error = Assert.Throws<StorageCorruptionException>(() => store.Read(new BlockFilePosition(7, 8, 100)));
        Assert.Equal(BlockFileNames.PathOf(BlocksPath, 7), error.Path);
    }

    [Fact]
    public void ConcurrentReadersSeeTheirBlocks()
    {
        using var store = Open(null, maxFileSize: 40_000);
        var positions = Enumerable.Range(1, 60).Select(h => store.Append(SyntheticChain.Block(h))).ToArray();
        Parallel.For(0, 600, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var height = 1 + (i * 37 % 60);
            Assert.Equal(SyntheticChain.Block(height), store.Read(positions[height - 1]));
        });
    }

    public void Dispose() => _temp.Dispose();

    private BlockFileStore Open(BlockFileCursor? resumeAt, long maxFileSize = 128L * 1024 * 1024) =>
        new(new BlockFileStoreOptions(BlocksPath, SyntheticChain.RegtestMessageStart) { MaxFileSize = maxFileSize, MaxOpenReadFiles = 3 }, resumeAt);
}
