using Faithcoin.Node.Storage;
using Xunit;

namespace Faithcoin.Node.Tests.Storage;

public sealed class ChainStateCorruptionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string DbPath => _temp.Combine("chainstate");

    [Fact]
    public void DamagedTableFilesAreReportedWithThePathAndReindex()
    {
        WriteSomeBlocks(flush: true);
        foreach (var table in Directory.EnumerateFiles(DbPath, "*.sst"))
        {
            Scribble(table);
        }

        var error = Assert.Throws<StorageCorruptionException>(() =>
        {
            using var db = ChainStateDatabase.Open(new ChainStateOptions(DbPath));
            _ = db.ReadCoins().Count();
            _ = db.ReadBlockIndex().Count();
        });
        AssertNamesPathAndReindex(error);
    }

    [Fact]
    public void ATruncatedManifestIsReported()
    {
        WriteSomeBlocks(flush: true);
        var manifest = Directory.EnumerateFiles(DbPath, "MANIFEST-*").Single();
        using (var stream = new FileStream(manifest, FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        var error = Assert.Throws<StorageCorruptionException>(() => ChainStateDatabase.Open(new ChainStateOptions(DbPath)).Dispose());
        AssertNamesPathAndReindex(error);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.8)]
    [InlineData(0.95)]
    public void AManifestCutAnywhereGivesAnErrorOrAConsistentState(double keep)
    {
        WriteSomeBlocks(flush: true);
        var manifest = Directory.EnumerateFiles(DbPath, "MANIFEST-*").Single();
        using (var stream = new FileStream(manifest, FileMode.Open))
        {
            stream.SetLength((long)(stream.Length * keep));
        }

        ChainStateDatabase db;
        try
        {
            db = ChainStateDatabase.Open(new ChainStateOptions(DbPath));
        }
        catch (StorageCorruptionException error)
        {
            AssertNamesPathAndReindex(error);
            return;
        }

        using (db)
        {
            var best = db.GetBestBlock();
            Assert.NotNull(best);
            var height = db.GetBlockIndex(best)!.Height;
            Assert.Equal(SyntheticChain.Coins(height).Select(c => c.Key), db.ReadCoins().Select(c => c.Key));
        }
    }

    [Fact]
    public void AMissingCurrentFileIsNotMistakenForANewDatabase()
    {
        WriteSomeBlocks(flush: true);
        File.Delete(Path.Combine(DbPath, "CURRENT"));
        var error = Assert.Throws<StorageCorruptionException>(() => ChainStateDatabase.Open(new ChainStateOptions(DbPath)).Dispose());
        AssertNamesPathAndReindex(error);
        Assert.Contains("CURRENT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherFormatVersionAsksForReindex()
    {
        using (var db = ChainStateDatabase.Open(new ChainStateOptions(DbPath)))
        {
            using var batch = db.CreateBatch();
            batch.PutSchemaVersion(ChainStateDatabase.SchemaVersion + 1);
            db.Commit(batch, WriteDurability.SurvivesPowerLoss);
        }

        var error = Assert.Throws<StorageCorruptionException>(() => ChainStateDatabase.Open(new ChainStateOptions(DbPath)).Dispose());
        AssertNamesPathAndReindex(error);
        Assert.Contains("format version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGarbledRecordIsReportedInsteadOfReadAsSomethingElse()
    {
        using var db = ChainStateDatabase.Open(new ChainStateOptions(DbPath));
        using (var batch = db.CreateBatch())
        {
            batch.PutBlockIndex(SyntheticChain.IndexRecord(1, new BlockFilePosition(0, 8, 10)));
            db.Commit(batch, WriteDurability.SurvivesProcessCrash);
        }

        var key = SyntheticChain.Hash(1).ToBytes(true);
        db.Db.Put(key, new byte[] { 1, 2, 3 }, db.Families.BlockIndex);
        var error = Assert.Throws<StorageCorruptionException>(() => db.GetBlockIndex(SyntheticChain.Hash(1)));
        AssertNamesPathAndReindex(error);
        Assert.Contains(ChainStateColumns.BlockIndex, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static void Scribble(string file)
    {
        var bytes = File.ReadAllBytes(file);
        for (var i = 0; i < bytes.Length / 2; i++)
        {
            bytes[i] ^= 0x5a;
        }

        File.WriteAllBytes(file, bytes);
    }

    private void AssertNamesPathAndReindex(StorageCorruptionException error)
    {
        Assert.Contains(Path.GetFullPath(DbPath), error.Message, StringComparison.Ordinal);
        Assert.Contains("-reindex", error.Message, StringComparison.Ordinal);
    }

    private void WriteSomeBlocks(bool flush)
    {
        using var db = ChainStateDatabase.Open(new ChainStateOptions(DbPath));
        for (var height = 1; height <= 50; height++)
        {
            using var batch = db.CreateBatch();
            SyntheticChain.ConnectBlock(batch, height, new BlockFilePosition(0, 8 * height, 10), new BlockFileCursor(0, 8 * (height + 1)));
            db.Commit(batch, WriteDurability.SurvivesProcessCrash);
        }

        if (flush)
        {
            db.FlushMemtables();
        }
    }
}
