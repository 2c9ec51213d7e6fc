using Faithcoin.Node.Storage;
using Xunit;

namespace Faithcoin.Node.Tests.Storage;

public sealed class BlockRecordReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void ReadsWhatTheStoreWrote()
    {
        var positions = new List<BlockFilePosition>();
        using (var store = new BlockFileStore(new BlockFileStoreOptions(_temp.Path, SyntheticChain.RegtestMessageStart), null))
        {
            for (var height = 1; height <= 30; height++)
            {
                positions.Add(store.Append(SyntheticChain.Block(height)));
            }
        }

        using var file = File.OpenRead(BlockFileNames.PathOf(_temp.Path, 0));
        var reader = new BlockRecordReader(file, file.Name, SyntheticChain.RegtestMessageStart);
        for (var height = 1; height <= 30; height++)
        {
            Assert.True(reader.TryReadNext(out var record));
            Assert.Equal(positions[height - 1].Offset, record.Offset);
            Assert.Equal(SyntheticChain.Block(height), record.Bytes.ToArray());
        }

        Assert.False(reader.TryReadNext(out _));
    }

    [Theory]
    [InlineData("fabfb5da0500000001020304", "truncated")]
    [InlineData("fabfb5", "inside a record header")]
    [InlineData("fabfb5db0100000001", "no message start")]
    [InlineData("fabfb5daffffffff01", "impossible block size")]
    public void DamagedStreamsAreReportedWithTheirName(string hex, string problem)
    {
        var reader = new BlockRecordReader(new MemoryStream(Convert.FromHexString(hex)), "bootstrap.dat", SyntheticChain.RegtestMessageStart);
        var error = Assert.Throws<StorageCorruptionException>(() => reader.TryReadNext(out _));
        Assert.Equal("bootstrap.dat", error.Path);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
