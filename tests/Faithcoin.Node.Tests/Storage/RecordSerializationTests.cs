using System.Buffers;
using Faithcoin.Node.Storage;
using NBitcoin;
using Xunit;

using Coin = Faithcoin.Consensus.Coins.Coin;

namespace Faithcoin.Node.Tests.Storage;

public sealed class RecordSerializationTests
{
    [Fact]
    public void BlockIndexRecordWithDataRoundTrips()
    {
        var record = SyntheticChain.IndexRecord(1234, new BlockFilePosition(3, 98_765_432, 1_234_567));
        var copy = RoundTrip(record);
        AssertSame(record, copy);
        Assert.Equal(SyntheticChain.Hash(1233), copy.PreviousHash);
    }

    [Fact]
    public void HeaderOnlyBlockIndexRecordRoundTrips()
    {
        var record = new BlockIndexRecord(SyntheticChain.Hash(5), SyntheticChain.Header(5), 5, BlockStatus.ValidTree | BlockStatus.FailedChild, 0, null);
        AssertSame(record, RoundTrip(record));
    }

    [Fact]
    public void BlockIndexRecordIsCompactAndDeterministic()
    {
        var record = SyntheticChain.IndexRecord(100, new BlockFilePosition(0, 1000, 250));
        var first = Serialize(record);
        Assert.Equal(first, Serialize(RoundTrip(record)));

        // version, height, status (157 takes two bytes), tx count, file, offset, length, then the 80 header bytes.
        Assert.Equal(1 + 1 + 2 + 1 + 1 + 2 + 2 + 80, first.Length);
    }

    [Fact]
    public void StatusAndPositionMustAgree()
    {
        Assert.Throws<ArgumentException>(() => new BlockIndexRecord(SyntheticChain.Hash(1), SyntheticChain.Header(1), 1, BlockStatus.HaveData, 1, null));
        Assert.Throws<ArgumentException>(() => new BlockIndexRecord(SyntheticChain.Hash(1), new byte[79], 1, BlockStatus.ValidHeader, 0, null));
    }

    [Fact]
    public void DamagedBlockIndexRecordsAreRejected()
    {
        var bytes = Serialize(SyntheticChain.IndexRecord(7, new BlockFilePosition(0, 8, 100)));
        Assert.Throws<FormatException>(() => BlockIndexRecordSerializer.Read(uint256.One, bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<FormatException>(() => BlockIndexRecordSerializer.Read(uint256.One, [.. bytes, 0]));
        var otherVersion = bytes.ToArray();
        otherVersion[0] = 2;
        Assert.Throws<FormatException>(() => BlockIndexRecordSerializer.Read(uint256.One, otherVersion));
    }

    [Theory]
    [InlineData("76a914000102030405060708090a0b0c0d0e0f1011121388ac", 0L, 0, false)]
    [InlineData("a914000102030405060708090a0b0c0d0e0f1011121387", 5_000_000_000L, 150, true)]
    [InlineData("0014000102030405060708090a0b0c0d0e0f10111213", 123_456_789L, 2_000_000, false)]
    [InlineData("6a", 1L, 1, true)]
    public void CoinsRoundTrip(string scriptHex, long amount, int height, bool coinbase)
    {
        var coin = new Coin(new TxOut(Money.Satoshis(amount), Script.FromBytesUnsafe(Convert.FromHexString(scriptHex))), height, coinbase);
        var writer = new ArrayBufferWriter<byte>();
        CoinSerializer.Write(writer, coin);
        var copy = CoinSerializer.Read(writer.WrittenSpan);
        Assert.Equal(height, copy.Height);
        Assert.Equal(coinbase, copy.IsCoinbase);
        Assert.Equal(amount, copy.Output.Value.Satoshi);
        Assert.Equal(scriptHex, Convert.ToHexStringLower(copy.Output.ScriptPubKey.ToBytes(true)));
        Assert.Throws<FormatException>(() => CoinSerializer.Read([.. writer.WrittenSpan, 0]));
    }

    [Fact]
    public void AP2pkhCoinTakesTwentyThreeBytes()
    {
        var coin = SyntheticChain.Coins(100)[0].Value;
        var writer = new ArrayBufferWriter<byte>();
        CoinSerializer.Write(writer, coin);

        // VARINT(height*2+coinbase) 2 bytes, compressed amount up to 3, script type + 20 bytes.
        Assert.InRange(writer.WrittenCount, 22, 26);
    }

    [Fact]
    public void CoinKeysRoundTripAndKeepATransactionsOutputsTogether()
    {
        var txid = SyntheticChain.Hash(42);
        var keys = new[] { 0u, 1u, 127u, 128u, 300u, 16511u, 16512u, uint.MaxValue }.Select(n =>
        {
            var key = new byte[CoinKey.MaxLength];
            var length = CoinKey.Write(new OutPoint(txid, n), key);
            Assert.Equal(new OutPoint(txid, n), CoinKey.Read(key.AsSpan(0, length)));
            return key[..length];
        }).ToList();
        Assert.All(keys, key => Assert.Equal(txid.ToBytes(true), key[..32]));
        Assert.Equal(keys.Count, keys.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void MetaRecordsRoundTrip()
    {
        var writer = new ArrayBufferWriter<byte>();
        MetaRecords.WriteHeadBlocks(writer, new HeadBlocks(SyntheticChain.Hash(9), SyntheticChain.Hash(8)));
        Assert.Equal(new HeadBlocks(SyntheticChain.Hash(9), SyntheticChain.Hash(8)), MetaRecords.ReadHeadBlocks(writer.WrittenSpan));

        writer.ResetWrittenCount();
        MetaRecords.WriteCursor(writer, new BlockFileCursor(12, 134_217_000));
        Assert.Equal(new BlockFileCursor(12, 134_217_000), MetaRecords.ReadCursor(writer.WrittenSpan));

        writer.ResetWrittenCount();
        MetaRecords.WriteHash(writer, SyntheticChain.Hash(3));
        Assert.Equal(SyntheticChain.Hash(3), MetaRecords.ReadHash(writer.WrittenSpan));
        Assert.Throws<FormatException>(() => MetaRecords.ReadHash(writer.WrittenSpan[..31]));
    }

    private static byte[] Serialize(BlockIndexRecord record)
    {
        var writer = new ArrayBufferWriter<byte>();
        BlockIndexRecordSerializer.Write(writer, record);
        return writer.WrittenSpan.ToArray();
    }

    private static BlockIndexRecord RoundTrip(BlockIndexRecord record) => BlockIndexRecordSerializer.Read(record.Hash, Serialize(record));

    private static void AssertSame(BlockIndexRecord expected, BlockIndexRecord actual)
    {
        Assert.Equal(expected.Hash, actual.Hash);
        Assert.Equal(expected.Header.ToArray(), actual.Header.ToArray());
        Assert.Equal(expected.Height, actual.Height);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.TransactionCount, actual.TransactionCount);
        Assert.Equal(expected.Data, actual.Data);
    }
}
