using Faithcoin.Node.Storage;
using NBitcoin;
using Xunit;

namespace Faithcoin.Node.Tests.Storage;

public sealed class ChainStateDatabaseTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private ChainStateOptions Options => new(_temp.Combine("chainstate"));

    [Fact]
    public void ANewDatabaseIsEmpty()
    {
        using var db = ChainStateDatabase.Open(Options);
        Assert.Null(db.GetBestBlock());
        Assert.Null(db.GetHeadBlocks());
        Assert.Null(db.GetBlockFileCursor());
        Assert.Null(db.GetBlockIndex(SyntheticChain.Hash(1)));
        Assert.Null(db.GetCoin(new OutPoint(SyntheticChain.TxId(1), 0)));
        Assert.Null(db.GetUndo(SyntheticChain.Hash(1)));
        Assert.Empty(db.ReadBlockIndex());
        Assert.Empty(db.ReadCoins());
    }

    [Fact]
    public void EveryFamilyRoundTripsThroughACommitAndAReopen()
    {
        var position = new BlockFilePosition(0, 8, 1000);
        using (var db = ChainStateDatabase.Open(Options))
        {
            using var batch = db.CreateBatch();
            SyntheticChain.ConnectBlock(batch, 1, position, new BlockFileCursor(0, 1008));
            db.Commit(batch, WriteDurability.SurvivesPowerLoss);
        }

        using (var db = ChainStateDatabase.Open(Options))
        {
            Assert.Equal(SyntheticChain.Hash(1), db.GetBestBlock());
            Assert.Equal(new BlockFileCursor(0, 1008), db.GetBlockFileCursor());
            var record = db.GetBlockIndex(SyntheticChain.Hash(1));
            Assert.NotNull(record);
            Assert.Equal(1, record.Height);
            Assert.Equal(position, record.Data);
            Assert.Equal(SyntheticChain.Header(1), record.Header.ToArray());
            Assert.Equal(SyntheticChain.Undo(1), db.GetUndo(SyntheticChain.Hash(1)));
            foreach (var (outPoint, coin) in SyntheticChain.Coins(1))
            {
                var stored = db.GetCoin(outPoint);
                Assert.NotNull(stored);
                Assert.Equal(coin.Output.Value, stored.Output.Value);
                Assert.Equal(coin.Output.ScriptPubKey, stored.Output.ScriptPubKey);
                Assert.Equal(coin.Height, stored.Height);
                Assert.Equal(coin.IsCoinbase, stored.IsCoinbase);
                Assert.True(db.HaveCoin(outPoint));
            }
        }
    }

    [Fact]
    public void DeletesRemoveRecords()
    {
        using var db = ChainStateDatabase.Open(Options);
        using (var batch = db.CreateBatch())
        {
            SyntheticChain.ConnectBlock(batch, 1, new BlockFilePosition(0, 8, 10), new BlockFileCursor(0, 18));
            db.Commit(batch, WriteDurability.SurvivesProcessCrash);
        }

        using (var batch = db.CreateBatch())
        {
            SyntheticChain.ConnectBlock(batch, 2, new BlockFilePosition(0, 26, 10), new BlockFileCursor(0, 36));
            batch.DeleteUndo(SyntheticChain.Hash(1));
            batch.DeleteBlockIndex(SyntheticChain.Hash(1));
            db.Commit(batch, WriteDurability.SurvivesProcessCrash);
        }

        Assert.All(SyntheticChain.Coins(1), c => Assert.False(db.HaveCoin(c.Key)));
        Assert.All(SyntheticChain.Coins(2), c => Assert.True(db.HaveCoin(c.Key)));
        Assert.Null(db.GetUndo(SyntheticChain.Hash(1)));
        Assert.Null(db.GetBlockIndex(SyntheticChain.Hash(1)));
        Assert.Equal(SyntheticChain.Hash(2), db.GetBestBlock());
    }

    [Fact]
    public void ABatchIsInvisibleUntilCommittedAndLeavesNoTraceIfNeverCommitted()
    {
        using (var db = ChainStateDatabase.Open(Options))
        {
            using (var committed = db.CreateBatch())
            {
                SyntheticChain.ConnectBlock(committed, 1, new BlockFilePosition(0, 8, 10), new BlockFileCursor(0, 18));
                db.Commit(committed, WriteDurability.SurvivesPowerLoss);
            }

            var abandoned = db.CreateBatch();
            SyntheticChain.ConnectBlock(abandoned, 2, new BlockFilePosition(0, 26, 10), new BlockFileCursor(0, 36));
            Assert.True(abandoned.Count > 5);
            Assert.Null(db.GetBlockIndex(SyntheticChain.Hash(2)));
            Assert.Equal(SyntheticChain.Hash(1), db.GetBestBlock());
            abandoned.Dispose();
        }

        using (var db = ChainStateDatabase.Open(Options))
        {
            Assert.Equal(SyntheticChain.Hash(1), db.GetBestBlock());
            Assert.Equal(new BlockFileCursor(0, 18), db.GetBlockFileCursor());
            Assert.Null(db.GetBlockIndex(SyntheticChain.Hash(2)));
            Assert.Null(db.GetUndo(SyntheticChain.Hash(2)));
            Assert.Equal(SyntheticChain.Coins(1).Select(c => c.Key), db.ReadCoins().Select(c => c.Key));
        }
    }

    [Fact]
    public void HeadBlocksAndBestBlockExcludeEachOther()
    {
        using var db = ChainStateDatabase.Open(Options);
        var heads = new HeadBlocks(SyntheticChain.Hash(5), SyntheticChain.Hash(3));
        using (var start = db.CreateBatch())
        {
            start.SetBestBlock(SyntheticChain.Hash(3));
            db.Commit(start, WriteDurability.SurvivesPowerLoss);
        }

        using (var open = db.CreateBatch())
        {
            open.SetHeadBlocks(heads);
            db.Commit(open, WriteDurability.SurvivesPowerLoss);
        }

        Assert.Null(db.GetBestBlock());
        Assert.Equal(heads, db.GetHeadBlocks());

        using (var close = db.CreateBatch())
        {
            close.SetBestBlock(SyntheticChain.Hash(5));
            db.Commit(close, WriteDurability.SurvivesPowerLoss);
        }

        Assert.Equal(SyntheticChain.Hash(5), db.GetBestBlock());
        Assert.Null(db.GetHeadBlocks());
    }

    [Fact]
    public void ScansReturnEverythingInKeyOrder()
    {
        using (var db = ChainStateDatabase.Open(Options))
        {
            using var batch = db.CreateBatch();
            for (var height = 1; height <= 300; height++)
            {
                batch.PutBlockIndex(SyntheticChain.IndexRecord(height, new BlockFilePosition(0, 8 + height, 1)));
                foreach (var (outPoint, coin) in SyntheticChain.Coins(height))
                {
                    batch.PutCoin(outPoint, coin);
                }
            }

            db.Commit(batch, WriteDurability.SurvivesProcessCrash);
            db.FlushMemtables();
        }

        using (var db = ChainStateDatabase.Open(Options))
        {
            var index = db.ReadBlockIndex().ToList();
            Assert.Equal(300, index.Count);
            Assert.Equal(Enumerable.Range(1, 300), index.Select(r => r.Height).Order());
            Assert.All(index, r => Assert.Equal(SyntheticChain.Hash(r.Height), r.Hash));

            var coins = db.ReadCoins().ToList();
            var expected = Enumerable.Range(1, 300).SelectMany(SyntheticChain.Coins)
                .OrderBy(c => c.Key.Hash.ToBytes(true), ByteOrder.Instance).ThenBy(c => c.Key.N).Select(c => c.Key);
            Assert.Equal(expected, coins.Select(c => c.Key));
        }
    }

    [Fact]
    public void ASecondOpenIsRefusedWithoutCallingItCorruption()
    {
        using var db = ChainStateDatabase.Open(Options);
        var error = Assert.Throws<StorageException>(() => ChainStateDatabase.Open(Options));
        Assert.IsNotType<StorageCorruptionException>(error);
        Assert.Contains("another faithcoind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchSizeGrowsWithItsContent()
    {
        using var db = ChainStateDatabase.Open(Options);
        using var batch = db.CreateBatch();
        var empty = batch.SizeInBytes;
        batch.PutUndo(SyntheticChain.Hash(1), new byte[10_000]);
        Assert.True(batch.SizeInBytes >= empty + 10_000);
        batch.Clear();
        Assert.Equal(0, batch.Count);
    }

    public void Dispose() => _temp.Dispose();

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
